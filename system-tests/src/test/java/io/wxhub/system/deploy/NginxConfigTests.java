package io.wxhub.system.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's {@code deploy/nginx.conf}: WeChat's callback path reaches the
 * message-service and the web authorization path the broker, everything else is 404, the
 * limits suit WeChat and a person's browser, and nginx itself accepts the file
 * ({@code nginx -t}, which must run: set {@code WXHUB_SKIP_NGINX_CHECK} to skip it
 * knowingly where nginx is not installed). {@link NginxGatewayTests} sends it requests.
 */
class NginxConfigTests {

	/** The proxied locations, with the compose service each reaches and its methods. */
	static final Map<String, String> PROXIED = Map.of("/wx/", "message-service", "/oauth2/", "web-auth");

	private static final Map<String, List<String>> METHODS = Map.of("/wx/", List.of("GET", "POST"), "/oauth2/",
			List.of("GET"));

	private final NginxConfig config = NginxConfig.parse(DeploymentFiles.read("deploy/nginx.conf"));

	private final ComposeServices compose = new ComposeServices();

	@Test
	void onlyTheCallbackAndWebAuthorizationPathsAreProxied() {
		NginxConfig server = server();
		assertThat(server.children("listen")).singleElement()
			.satisfies((listen) -> assertThat(listen.arg(0)).isEqualTo("80"));
		assertThat(server.children("location")).extracting((location) -> String.join(" ", location.args()))
			.containsExactlyInAnyOrder("/wx/", "/oauth2/", "= /healthz", "/");
		assertThat(this.config.findAll("proxy_pass")).as("one proxy_pass in each proxied location")
			.containsExactlyInAnyOrderElementsOf(PROXIED.keySet()
				.stream()
				.flatMap((path) -> location(path).children("proxy_pass").stream())
				.toList());
		PROXIED.forEach((path, service) -> {
			NginxConfig location = location(path);
			assertThat(location.children("proxy_pass")).as(path).hasSize(1);
			String proxyPass = location.children("proxy_pass").get(0).arg(0);
			// no URI part: nginx passes the request's path and query unchanged
			assertThat(proxyPass).as(path).matches("http://\\$[a-z_]+");
			String upstream = location.children("set")
				.stream()
				.filter((set) -> set.arg(0).equals(proxyPass.substring("http://".length())))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no set for " + proxyPass))
				.arg(1);
			assertThat(upstream).as(path).isEqualTo(service + ":" + this.compose.port(service));
			assertThat(this.compose.dependencies("gateway")).as("the gateway waits for " + service)
				.containsKey(service);
			// anything else is 403
			assertThat(location.children("limit_except")).as(path).singleElement().satisfies((limit) -> {
				assertThat(limit.args()).isEqualTo(METHODS.get(path));
				assertThat(limit.block()).extracting((directive) -> directive.name() + " " + directive.args())
					.containsExactly("deny [all]");
			});
		});
	}

	@Test
	void everythingElseIsNotFound() {
		assertThat(location("/").block()).singleElement()
			.satisfies((directive) -> assertThat(directive.name() + " " + directive.args()).isEqualTo("return [404]"));
		assertThat(location("= /healthz").children("return")).singleElement()
			.satisfies((directive) -> assertThat(directive.arg(0)).isEqualTo("200"));
		for (String internal : List.of("actuator", "well-known", "jwks", "token-server", "api-proxy", "sandbox")) {
			assertThat(this.config.findAll((directive) -> String.join(" ", directive.args()).contains(internal)))
				.as("nothing names " + internal)
				.isEmpty();
		}
		assertThat(this.config.findAll("server")).hasSize(1);
		assertThat(this.config.findAll("include")).as("self-contained: nothing of the image's conf.d").isEmpty();
		assertThat(this.config.findAll("location")).as("no nested locations").hasSize(4);
	}

	@Test
	void limitsSuitWeChatAndAPerson() {
		NginxConfig callback = location("/wx/");
		assertThat(value("client_max_body_size", callback)).isEqualTo("64k");
		// WeChat gives up after 5 s
		assertThat(value("proxy_read_timeout", callback)).isEqualTo("6s");
		// a callback of the broker makes two calls in turn (the code exchange, the
		// profile)
		NginxConfig webAuthorization = location("/oauth2/");
		assertThat(duration(value("proxy_read_timeout", webAuthorization))).isBetween(Duration.ofSeconds(15),
				Duration.ofSeconds(60));
		assertThat(duration(value("proxy_connect_timeout", webAuthorization)))
			.isLessThanOrEqualTo(Duration.ofSeconds(5));
		for (String path : PROXIED.keySet()) {
			assertThat(location(path).children("proxy_set_header")).as(path)
				.extracting(NginxConfig::args)
				.contains(List.of("Host", "$host"), List.of("X-Forwarded-For", "$proxy_add_x_forwarded_for"),
						List.of("X-Forwarded-Proto", "$scheme"), List.of("X-Forwarded-Host", "$host"),
						List.of("X-Real-IP", "$remote_addr"));
		}
		// a variable in proxy_pass needs a resolver: Docker's
		assertThat(this.config.findAll("resolver")).singleElement()
			.satisfies((resolver) -> assertThat(resolver.arg(0)).isEqualTo("127.0.0.11"));
	}

	@Test
	void nginxAcceptsTheConfiguration(@TempDir Path directory) throws Exception {
		assertThat(LocalNginx.check(directory)).contains("syntax is ok");
	}

	private NginxConfig server() {
		assertThat(this.config.findAll("server")).hasSize(1);
		return this.config.findAll("server").get(0);
	}

	private NginxConfig location(String match) {
		return server().children("location")
			.stream()
			.filter((location) -> String.join(" ", location.args()).equals(match))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no location " + match));
	}

	/**
	 * A directive's value where it applies to a location: there, in its server or in
	 * http.
	 */
	private String value(String name, NginxConfig location) {
		for (NginxConfig scope : List.of(location, server(), this.config.children("http").get(0))) {
			if (!scope.children(name).isEmpty()) {
				return scope.children(name).get(0).arg(0);
			}
		}
		throw new AssertionError(name + " is not set for location " + location.args());
	}

	private static Duration duration(String nginxTime) {
		return DurationStyle.SIMPLE.parse(nginxTime);
	}

}
