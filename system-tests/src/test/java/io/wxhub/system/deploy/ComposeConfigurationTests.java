package io.wxhub.system.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.wxhub.webauth.keys.SigningKeys;
import org.junit.jupiter.api.Test;

import static io.wxhub.system.deploy.ComposeServices.variable;
import static io.wxhub.system.deploy.DeploymentFiles.demoConfig;
import static io.wxhub.system.deploy.DeploymentFiles.envName;
import static io.wxhub.system.deploy.DeploymentFiles.serviceConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' configuration as {@code docker-compose.yml} gives it through the
 * environment (relaxed binding, {@code token-server.apps[0].secret} ⇄
 * {@code TOKEN_SERVER_APPS_0_SECRET}): everything without a usable default is set, lists
 * are complete, and what two services must agree on (client keys, the account the sandbox
 * plays) refers to the same {@code .env} variables.
 */
class ComposeConfigurationTests {

	/** Per module: what has no default, or only a demo default, in its yml. */
	private static final Map<String, List<String>> REQUIRED = Map.of("token-server",
			List.of("WECHAT_API_BASE_URLS", "TOKEN_SERVER_APPS_0_APP_ID", "TOKEN_SERVER_APPS_0_SECRET",
					"TOKEN_SERVER_CLIENTS_0_ID", "TOKEN_SERVER_CLIENTS_0_KEY", "TOKEN_SERVER_CLIENTS_0_APPS"),
			"api-proxy",
			List.of("WECHAT_API_BASE_URLS", "API_PROXY_SIGNING_KEY",
					"SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_TOKEN_SERVER_0_URI",
					"API_PROXY_TOKEN_SERVER_CLIENT_KEY", "API_PROXY_CLIENTS_0_ID", "API_PROXY_CLIENTS_0_KEY",
					"API_PROXY_CLIENTS_0_APPS", "API_PROXY_CLIENTS_0_ALLOW"),
			"message-service",
			List.of("MESSAGE_SERVICE_API_PROXY_URL", "MESSAGE_SERVICE_API_PROXY_CLIENT_KEY",
					"MESSAGE_SERVICE_APPS_0_APP_ID", "MESSAGE_SERVICE_APPS_0_ORIGINAL_ID",
					"MESSAGE_SERVICE_APPS_0_TOKEN", "MESSAGE_SERVICE_APPS_0_AES_KEY"),
			"web-auth",
			List.of("WEB_AUTH_PUBLIC_URL", "WEB_AUTH_SIGNING_KEY", "TOKEN_SERVER_URL",
					"WEB_AUTH_TOKEN_SERVER_CLIENT_KEY", "API_PROXY_URL", "WEB_AUTH_CLIENTS_0_ID",
					"WEB_AUTH_CLIENTS_0_RETURN_TO", "WEB_AUTH_CLIENTS_0_APPS"),
			"sandbox",
			List.of("SANDBOX_ACCOUNTS_0_APP_ID", "SANDBOX_ACCOUNTS_0_SECRET", "SANDBOX_ACCOUNTS_0_CALLBACK_URL"));

	private final ComposeServices compose = new ComposeServices();

	@Test
	void everyPropertyWithoutAUsableDefaultIsSet() {
		assertThat(this.compose.javaServices().values()).containsAll(REQUIRED.keySet());
		this.compose.javaServices()
			.forEach(
					(name, module) -> REQUIRED.get(module)
						.forEach((variable) -> assertThat(this.compose.environment(name).get(variable))
							.as(name + " " + variable)
							.isNotBlank()));
	}

	@Test
	void listsGivenThroughTheEnvironmentAreCompleteEntries() {
		// a list bound from the environment replaces the yml's whole list: nothing of the
		// yml's entries remains (the accounts and clients are in the demo profile only)
		this.compose.javaServices().forEach((name, module) -> {
			Map<String, String> environment = this.compose.environment(name);
			Map<String, Set<String>> lists = listFields(serviceConfig(module), "");
			listFields(demoConfig(module), "").forEach((list, fields) -> lists.merge(list, fields, (a, b) -> {
				a.addAll(b);
				return a;
			}));
			lists.forEach((list, fields) -> {
				Pattern entry = Pattern.compile(Pattern.quote(list) + "_(\\d+)_.+");
				Set<Integer> indexes = environment.keySet()
					.stream()
					.map(entry::matcher)
					.filter(Matcher::matches)
					.map((matcher) -> Integer.valueOf(matcher.group(1)))
					.collect(Collectors.toCollection(TreeSet::new));
				for (int index : indexes) {
					assertThat(indexes).as(name + " " + list + " indexes from 0").contains(index == 0 ? 0 : index - 1);
					fields.forEach((field) -> assertThat(environment).as(name + " " + list + " entry " + index)
						.containsKey(list + "_" + index + "_" + field));
				}
			});
		});
	}

	@Test
	void clientKeysGivenToCallersAreKeysTheCalleesKnow() {
		String proxyKey = variable(this.compose.environment("api-proxy").get("API_PROXY_TOKEN_SERVER_CLIENT_KEY"));
		String proxyAtTokenServer = client("token-server-1", "TOKEN_SERVER_CLIENTS", proxyKey);
		assertThat(this.compose.variables("token-server-1", proxyAtTokenServer + "_APPS"))
			.containsAll(this.compose.variables("token-server-1", "TOKEN_SERVER_APPS_\\d+_APP_ID"));

		String messageServiceKey = variable(
				this.compose.environment("message-service").get("MESSAGE_SERVICE_API_PROXY_CLIENT_KEY"));
		String messageServiceAtProxy = client("api-proxy", "API_PROXY_CLIENTS", messageServiceKey);
		assertThat(this.compose.environment("api-proxy").get(messageServiceAtProxy + "_ALLOW").split(","))
			.as("paths the message-service may call")
			.anyMatch((glob) -> antMatches(glob.strip(), "/cgi-bin/message/custom/send"));
		Set<String> answeredApps = this.compose.variables("message-service", "MESSAGE_SERVICE_APPS_\\d+_APP_ID");
		assertThat(this.compose.variables("api-proxy", messageServiceAtProxy + "_APPS")).containsAll(answeredApps);
		assertThat(this.compose.variables("token-server-1", "TOKEN_SERVER_APPS_\\d+_APP_ID")).containsAll(answeredApps);

		// the broker exchanges codes at the token-server for every app its clients may
		// sign in with
		String brokerKey = variable(this.compose.environment("web-auth").get("WEB_AUTH_TOKEN_SERVER_CLIENT_KEY"));
		String brokerAtTokenServer = client("token-server-1", "TOKEN_SERVER_CLIENTS", brokerKey);
		assertThat(this.compose.environment("token-server-1")).containsEntry(brokerAtTokenServer + "_ID", "web-auth");
		Set<String> signedInApps = this.compose.variables("web-auth", "WEB_AUTH_CLIENTS_\\d+_APPS");
		assertThat(signedInApps).isNotEmpty();
		assertThat(this.compose.variables("token-server-1", brokerAtTokenServer + "_APPS")).containsAll(signedInApps);
		assertThat(this.compose.variables("token-server-1", "TOKEN_SERVER_APPS_\\d+_APP_ID")).containsAll(signedInApps);
		// every client key is its own: one caller's key never opens another's client
		Map<String, String> tokenServer = this.compose.environment("token-server-1");
		assertThat(tokenServer.keySet().stream().filter((name) -> name.matches("TOKEN_SERVER_CLIENTS_\\d+_KEY")))
			.extracting((name) -> variable(tokenServer.get(name)))
			.doesNotHaveDuplicates();
	}

	@Test
	void theBrokerSendsFollowersToWeChatAndBackThroughTheGateway() {
		Map<String, String> broker = this.compose.environment("web-auth");
		// WeChat's page unless .env says otherwise (the demo: the sandbox)
		assertThat(broker).containsEntry("WECHAT_OPEN_BASE_URL", "${WECHAT_OPEN_BASE_URL:-https://open.weixin.qq.com}");
		// where WeChat sends followers back: no default could be right
		assertThat(variable(broker.get("WEB_AUTH_PUBLIC_URL"))).isEqualTo("WEB_AUTH_PUBLIC_URL");
		assertThat(DeploymentFiles.references(broker.get("WEB_AUTH_PUBLIC_URL"))).singleElement()
			.satisfies((reference) -> assertThat(reference.hasDefault()).isFalse());
		Map<String, String> envExample = DeploymentFiles.envExample();
		assertThat(envExample.get("WEB_AUTH_PUBLIC_URL")).as("the demo's public URL is the gateway's")
			.isEqualTo("http://localhost" + portSuffix(envExample.get("GATEWAY_PORT")));
		// the sandbox's authorization page as a browser on the host reaches it
		assertThat(envExample.get("WECHAT_OPEN_BASE_URL"))
			.isEqualTo("http://localhost:" + this.compose.port("sandbox"));
		// the demo's one client: the compose file's own client id, demo return addresses
		assertThat(broker.get("WEB_AUTH_CLIENTS_0_ID")).isEqualTo("internal");
		assertThat(envExample.get("WEB_AUTH_RETURN_TO").split(",")).isNotEmpty()
			.allSatisfy((prefix) -> assertThat(prefix).matches("https?://[^/@?#]+/([^?#]*/)?"));
	}

	@Test
	void theExampleSigningKeyIsThePublicDemoKey() {
		// a private EC P-256 JWK with a kid, which the broker accepts
		String key = DeploymentFiles.envExample().get("WEB_AUTH_SIGNING_KEY");
		assertThat(SigningKeys.fromJwk(key)).hasToString("SigningKeys[kid=demo-web-auth-1]");
		// the demo profile's, published in the repository: never a real secret
		assertThat(key).isEqualTo(DeploymentFiles.at(demoConfig("web-auth"), "web-auth.signing-key"));
		assertThat(DeploymentFiles.envExample().get("WEB_AUTH_TOKEN_SERVER_CLIENT_KEY"))
			.isEqualTo(tokenServerDemoKey("web-auth"));
	}

	@Test
	void theSandboxPlaysTheConfiguredAccountAndPushesToTheGateway() {
		Map<String, String> sandbox = this.compose.environment("sandbox");
		Map<String, String> tokenServer = this.compose.environment("token-server-1");
		Map<String, String> messageService = this.compose.environment("message-service");
		assertThat(sandbox.get("SANDBOX_ACCOUNTS_0_APP_ID")).isEqualTo(tokenServer.get("TOKEN_SERVER_APPS_0_APP_ID"))
			.isEqualTo(messageService.get("MESSAGE_SERVICE_APPS_0_APP_ID"));
		assertThat(sandbox.get("SANDBOX_ACCOUNTS_0_SECRET")).isEqualTo(tokenServer.get("TOKEN_SERVER_APPS_0_SECRET"));
		for (String field : List.of("ORIGINAL_ID", "TOKEN", "AES_KEY", "MODE")) {
			assertThat(sandbox.get("SANDBOX_ACCOUNTS_0_" + field)).as(field)
				.isEqualTo(messageService.get("MESSAGE_SERVICE_APPS_0_" + field));
		}
		assertThat(sandbox.get("SANDBOX_ACCOUNTS_0_CALLBACK_URL"))
			.isEqualTo("http://gateway/wx/" + messageService.get("MESSAGE_SERVICE_APPS_0_APP_ID"));
		// WeChat's primary and backup domain by default, the sandbox when .env says so
		// (the
		// demo, through the one-entry shorthand)
		for (String service : List.of("token-server-1", "api-proxy")) {
			assertThat(this.compose.environment(service).get("WECHAT_API_BASE_URLS")).as(service)
				.isEqualTo("${WECHAT_API_BASE_URLS:-https://api.weixin.qq.com,https://api2.weixin.qq.com}");
		}
		assertThat(DeploymentFiles.envExample()).containsEntry("WECHAT_API_BASE_URLS",
				"http://sandbox:" + this.compose.port("sandbox"));
	}

	private static String portSuffix(String port) {
		return "80".equals(port) ? "" : ":" + port;
	}

	/** The key of a client of the token server's demo profile. */
	private static String tokenServerDemoKey(String id) {
		List<Map<String, Object>> clients = DeploymentFiles
			.cast(DeploymentFiles.at(demoConfig("token-server"), "token-server.clients"));
		return clients.stream()
			.filter((client) -> id.equals(client.get("id")))
			.map((client) -> String.valueOf(client.get("key")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no client " + id + " in token-server-demo.yml"));
	}

	/** The environment prefix of the client entry whose key is the variable. */
	private String client(String service, String list, String keyVariable) {
		Map<String, String> environment = this.compose.environment(service);
		for (int index = 0; environment.containsKey(list + "_" + index + "_KEY"); index++) {
			if (keyVariable.equals(variable(environment.get(list + "_" + index + "_KEY")))) {
				return list + "_" + index;
			}
		}
		throw new AssertionError(service + " has no client in " + list + " whose key is ${" + keyVariable + "}");
	}

	/**
	 * Lists of objects in a yml, by their environment prefix, with every field of their
	 * entries.
	 */
	private static Map<String, Set<String>> listFields(Map<?, ?> node, String path) {
		Map<String, Set<String>> lists = new TreeMap<>();
		node.forEach((key, value) -> {
			String property = path.isEmpty() ? String.valueOf(key) : path + "." + key;
			if (value instanceof Map<?, ?> child) {
				lists.putAll(listFields(child, property));
			}
			else if (value instanceof List<?> list && !list.isEmpty()
					&& list.stream().allMatch(Map.class::isInstance)) {
				Set<String> fields = new TreeSet<>();
				list.forEach(
						(entry) -> ((Map<?, ?>) entry).keySet().forEach((field) -> fields.add(envName(field + ""))));
				lists.put(envName(property), fields);
			}
		});
		return lists;
	}

	private static boolean antMatches(String glob, String path) {
		String regex = Pattern.quote(glob.replace("**", "\0")).replace("*", "\\E[^/]*\\Q").replace("\0", "\\E.*\\Q");
		return path.matches(regex);
	}

}
