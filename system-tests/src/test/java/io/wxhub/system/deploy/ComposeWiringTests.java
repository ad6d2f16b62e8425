package io.wxhub.system.deploy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.boot.convert.DurationStyle;

import static io.wxhub.system.deploy.DeploymentFiles.at;
import static io.wxhub.system.deploy.DeploymentFiles.read;
import static io.wxhub.system.deploy.DeploymentFiles.serverPort;
import static io.wxhub.system.deploy.DeploymentFiles.serviceConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of {@code docker-compose.yml}, checked against the services' own
 * configuration files without Docker: healthchecks on what each service really serves,
 * start order on health, one published port, Redis, URLs between services, memory limits,
 * images, and the sandbox and monitoring profiles.
 */
class ComposeWiringTests {

	private static final Pattern HTTP_URL = Pattern.compile("https?://([A-Za-z0-9.-]+)(?::(\\d+))?(/.*)?");

	private final ComposeServices compose = new ComposeServices();

	@Test
	void everyServiceHasAHealthcheckOnWhatItServes() {
		assertThat(this.compose.all()).containsOnlyKeys("redis", "token-server-1", "token-server-2", "api-proxy",
				"message-service", "web-auth", "gateway", "sandbox", "prometheus", "grafana");
		this.compose.javaServices().forEach((name, module) -> {
			Map<String, Object> config = serviceConfig(module);
			assertThat(at(config, "management.endpoint.health.probes.enabled")).as(module + " enables probes")
				.isEqualTo(true);
			assertThat(String.valueOf(at(config, "management.endpoints.web.exposure.include")))
				.as(module + " exposes health")
				.contains("health");
			String healthcheck = this.compose.healthcheck(name);
			// curl -f: an answer of 503 (not ready) fails the check
			assertThat(healthcheck).as(name).matches("CMD curl -[a-zA-Z]*f[a-zA-Z]* .+");
			Matcher url = url(healthcheck);
			assertThat(port(url)).as(name + " healthcheck port").isEqualTo(serverPort(module));
			assertThat(this.compose.environment(name).getOrDefault("SERVER_PORT", String.valueOf(serverPort(module))))
				.isEqualTo(String.valueOf(serverPort(module)));
			assertThat(url.group(3)).as(name + " healthcheck path").isEqualTo("/actuator/health/readiness");
		});
		assertThat(read("Dockerfile")).as("the runtime image has curl").containsPattern("apt-get install .*curl");
		assertThat(this.compose.healthcheck("redis")).contains("redis-cli ping");
		Matcher gateway = url(this.compose.healthcheck("gateway"));
		assertThat(port(gateway)).isEqualTo(80);
		assertThat(gateway.group(3)).isEqualTo("/healthz");
		assertThat(read("deploy/nginx.conf")).contains("location = /healthz", "listen 80");
	}

	@Test
	void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
		this.compose.all()
			.keySet()
			.forEach((name) -> this.compose.dependencies(name).forEach((dependency, condition) -> {
				assertThat(this.compose.all()).as(name + " depends on an existing service").containsKey(dependency);
				assertThat(condition).as(name + " waits for " + dependency).isEqualTo("service_healthy");
				this.compose.healthcheck(dependency);
				if (!this.compose.profiled(name)) {
					assertThat(this.compose.profiled(dependency)).as(name + " needs a profiled " + dependency)
						.isFalse();
				}
			}));
		assertThat(this.compose.dependencies("token-server-1")).containsKey("redis");
		assertThat(this.compose.dependencies("token-server-2")).containsKey("redis");
		assertThat(this.compose.dependencies("api-proxy")).containsKeys("redis", "token-server-1");
		assertThat(this.compose.dependencies("message-service")).containsKeys("redis", "api-proxy");
		assertThat(this.compose.dependencies("web-auth")).containsKeys("redis", "token-server-1", "api-proxy");
		assertThat(this.compose.dependencies("gateway")).containsOnlyKeys("message-service", "web-auth");
	}

	@Test
	void onlyTheGatewayPublishesAPort() {
		this.compose.all().forEach((name, service) -> {
			if (name.equals("grafana")) {
				// the monitoring profile's Grafana: on the host's loopback only
				assertThat((List<?>) service.get("ports")).singleElement()
					.satisfies((port) -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:").endsWith(":3000"));
			}
			else if (!name.equals("gateway")) {
				assertThat(service).as(name).doesNotContainKeys("ports", "network_mode");
			}
		});
		List<?> ports = (List<?>) this.compose.get("gateway").get("ports");
		assertThat(ports).hasSize(1);
		assertThat(String.valueOf(ports.get(0))).as("the gateway's container port is nginx's").endsWith(":80");
		assertThat(this.compose.get("gateway").get("volumes").toString())
			.contains("./deploy/nginx.conf:/etc/nginx/nginx.conf:ro");
	}

	@Test
	void servicesThatUseRedisUseTheComposeRedis() {
		assertThat(String.valueOf(this.compose.get("redis").get("image"))).startsWith("redis:");
		this.compose.javaServices().forEach((name, module) -> {
			if (at(serviceConfig(module), "spring.data.redis.url") != null) {
				assertThat(this.compose.environment(name)).as(name).containsEntry("REDIS_URL", "redis://redis:6379");
				assertThat(this.compose.dependencies(name)).as(name).containsKey("redis");
			}
		});
		assertThat(this.compose.javaServices().keySet()).filteredOn((name) -> !name.equals("sandbox"))
			.allMatch((name) -> this.compose.environment(name).containsKey("REDIS_URL"));
	}

	@Test
	void urlsBetweenServicesNameTheServedPortAndAreWaitedFor() {
		this.compose.all().keySet().forEach((name) -> this.compose.environment(name).forEach((variable, value) -> {
			Matcher url = HTTP_URL.matcher(value);
			if (url.matches() && this.compose.all().containsKey(url.group(1))) {
				String target = url.group(1);
				assertThat(port(url)).as(name + " " + variable).isEqualTo(this.compose.port(target));
				if (!this.compose.profiled(name)) {
					assertThat(this.compose.dependencies(name)).as(name + " waits for " + target).containsKey(target);
				}
			}
		}));
		assertThat(this.compose.module(host("message-service", "MESSAGE_SERVICE_API_PROXY_URL")))
			.isEqualTo("api-proxy");
		// the broker: one token-server replica (it takes a single URL) and the api-proxy
		assertThat(this.compose.module(host("web-auth", "TOKEN_SERVER_URL"))).isEqualTo("token-server");
		assertThat(this.compose.module(host("web-auth", "API_PROXY_URL"))).isEqualTo("api-proxy");
	}

	@Test
	void theApiProxyKnowsEveryTokenServerReplica() {
		Pattern instance = Pattern.compile("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_TOKEN_SERVER_(\\d+)_URI");
		Map<String, String> environment = this.compose.environment("api-proxy");
		List<String> hosts = environment.keySet()
			.stream()
			.filter((variable) -> instance.matcher(variable).matches())
			.sorted()
			.map((variable) -> host("api-proxy", variable))
			.toList();
		List<String> replicas = this.compose.javaServices()
			.entrySet()
			.stream()
			.filter((service) -> service.getValue().equals("token-server"))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		assertThat(replicas).hasSizeGreaterThanOrEqualTo(2);
		assertThat(hosts).as("the api-proxy's token-server instances").isEqualTo(replicas);
		assertThat(this.compose.dependencies("api-proxy")).containsKeys(replicas.toArray(String[]::new));
		assertThat(environment).as("no single URL besides the list").doesNotContainKey("API_PROXY_TOKEN_SERVER_URL");
	}

	@Test
	void javaServicesGetLongerToStopThanTheirShutdownTimeout() {
		this.compose.javaServices().forEach((name, module) -> {
			Map<String, Object> config = serviceConfig(module);
			// graceful is Spring Boot's default
			assertThat(at(config, "server.shutdown")).as(module + " shuts down gracefully").isIn("graceful", null);
			Object timeout = at(config, "spring.lifecycle.timeout-per-shutdown-phase");
			// Spring Boot's default, when the service does not set it
			Duration shutdown = (timeout != null) ? DurationStyle.detectAndParse(String.valueOf(timeout))
					: Duration.ofSeconds(30);
			Object grace = this.compose.get(name).get("stop_grace_period");
			assertThat(grace).as(name + " stop_grace_period").isNotNull();
			assertThat(DurationStyle.detectAndParse(String.valueOf(grace))).as(name + " stop_grace_period")
				.isGreaterThan(shutdown);
		});
	}

	@Test
	void everyServiceHasAMemoryLimitAndRestarts() {
		this.compose.all().forEach((name, service) -> {
			assertThat(String.valueOf(service.get("mem_limit"))).as(name + " mem_limit").matches("\\d+[kmg]");
			assertThat(service.get("restart")).as(name + " restart").isEqualTo("unless-stopped");
		});
		this.compose.javaServices()
			.keySet()
			.forEach((name) -> assertThat(String.valueOf(this.compose.get(name).get("mem_limit"))).as(name)
				.matches("(2[5-9]\\d|[3-9]\\d\\d)m|\\d+g"));
	}

	@Test
	void javaServicesAreBuiltFromTheDockerfileForTheirModule() {
		assertThat(this.compose.javaServices()).containsOnlyKeys("token-server-1", "token-server-2", "api-proxy",
				"message-service", "web-auth", "sandbox");
		String dockerfile = read("Dockerfile");
		// the build's check of its SERVICE argument accepts exactly the modules compose
		// builds
		Matcher accepted = Pattern.compile("case \"\\$SERVICE\" in \\\\\\s+([a-z|-]+)\\) ;;").matcher(dockerfile);
		assertThat(accepted.find()).as("the Dockerfile checks SERVICE").isTrue();
		assertThat(accepted.group(1).split("\\|")).as("modules the Dockerfile accepts")
			.containsExactlyInAnyOrderElementsOf(new TreeSet<>(this.compose.javaServices().values()));
		this.compose.javaServices().forEach((name, module) -> {
			Map<String, Object> service = this.compose.get(name);
			assertThat(at(service, "build.context")).as(name).isEqualTo(".");
			assertThat(at(service, "build.dockerfile")).as(name).isIn("Dockerfile", null);
			assertThat(Files.isRegularFile(DeploymentFiles.root().resolve(module).resolve("pom.xml"))).as(module)
				.isTrue();
			assertThat(service.get("image")).as(name).isEqualTo("wxhub/" + module);
			assertThat(dockerfile).as("the Dockerfile accepts " + module).contains(module);
		});
		assertThat(this.compose.get("token-server-1")).isEqualTo(this.compose.get("token-server-2"));
	}

	@Test
	void theSandboxAndMonitoringRunOnlyUnderTheirProfiles() {
		Map<String, List<String>> profiled = Map.of("sandbox", List.of("sandbox"), "prometheus", List.of("monitoring"),
				"grafana", List.of("monitoring"));
		this.compose.all().forEach((name, service) -> {
			if (!profiled.containsKey(name)) {
				assertThat(service).as(name).doesNotContainKey("profiles");
			}
		});
		profiled.forEach((name, profiles) -> assertThat(this.compose.get(name).get("profiles")).isEqualTo(profiles));
	}

	@Test
	void theMonitoringProfileScrapesEveryReplicaAndFeedsGrafanaPinnedImages() {
		// Prometheus scrapes each service replica but the sandbox on its served port
		Map<String, Object> prometheus = DeploymentFiles.cast(new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(read("deploy/monitoring/prometheus/prometheus.yml")));
		Set<String> targets = new TreeSet<>();
		DeploymentFiles.<List<Map<String, Object>>>cast(prometheus.get("scrape_configs")).forEach((job) -> {
			assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
			DeploymentFiles.<List<Map<String, Object>>>cast(job.get("static_configs"))
				.forEach((group) -> DeploymentFiles.<List<Object>>cast(group.get("targets"))
					.forEach((target) -> targets.add(String.valueOf(target))));
		});
		Set<String> replicas = new TreeSet<>();
		this.compose.javaServices().forEach((name, module) -> {
			if (!module.equals("sandbox")) {
				replicas.add(name + ":" + serverPort(module));
			}
		});
		assertThat(targets).isEqualTo(replicas);
		// Grafana reads the compose Prometheus and the provisioned dashboards
		assertThat(read("deploy/monitoring/grafana/provisioning/datasources/prometheus.yml"))
			.contains("url: http://prometheus:" + this.compose.port("prometheus"));
		assertThat(this.compose.dependencies("grafana")).containsOnlyKeys("prometheus");
		String mounts = this.compose.get("grafana").get("volumes") + " "
				+ this.compose.get("prometheus").get("volumes");
		assertThat(mounts).contains("./deploy/monitoring/grafana/provisioning:/etc/grafana/provisioning:ro",
				"./deploy/monitoring/grafana/dashboards:/etc/grafana/dashboards:ro",
				"./deploy/monitoring/prometheus:/etc/prometheus:ro");
		assertThat(read("deploy/monitoring/grafana/provisioning/dashboards/wxhub.yml"))
			.contains("path: /etc/grafana/dashboards");
		for (String name : List.of("prometheus", "grafana")) {
			assertThat(String.valueOf(this.compose.get(name).get("image"))).as(name + " image, pinned")
				.matches("[a-z/]+:v?\\d+\\.\\d+\\.\\d+");
		}
	}

	private String host(String service, String variable) {
		Matcher url = HTTP_URL.matcher(String.valueOf(this.compose.environment(service).get(variable)));
		assertThat(url.matches()).as(service + " " + variable + " is a URL").isTrue();
		return url.group(1);
	}

	private static Matcher url(String command) {
		Matcher url = HTTP_URL.matcher(command.substring(command.indexOf("http")));
		assertThat(command.contains("http") && url.matches()).as("a URL ends " + command).isTrue();
		return url;
	}

	private static int port(Matcher url) {
		return (url.group(2) != null) ? Integer.parseInt(url.group(2)) : 80;
	}

}
