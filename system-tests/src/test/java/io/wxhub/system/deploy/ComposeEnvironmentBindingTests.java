package io.wxhub.system.deploy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.wxhub.system.deploy.ServiceEnvironmentBinding.DiscoveryInstances;
import io.wxhub.webauth.keys.SigningKeys;
import io.wxhub.webauth.system.WebAuthProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment {@code docker-compose.yml} gives each service, with the values of
 * {@code .env.example}, bound as Spring binds it: on the service's shipped configuration
 * alone (no demo profile) every properties record is valid, and every variable is read.
 */
class ComposeEnvironmentBindingTests {

	private final ComposeServices compose = new ComposeServices();

	private final Map<String, String> envExample = DeploymentFiles.envExample();

	@Test
	void theComposeEnvironmentAloneGivesEveryServiceAValidConfigurationAndEveryVariableIsRead() {
		assertThat(Set.copyOf(this.compose.javaServices().values())).containsExactlyInAnyOrder("token-server",
				"api-proxy", "message-service", "web-auth", "sandbox");
		this.compose.javaServices()
			.forEach((name, module) -> ServiceEnvironmentBinding.assertValidAndEveryVariableRead(name, module,
					resolved(this.compose.environment(name))));
	}

	@Test
	void theApiProxyReachesTheTokenServerReplicasAndTheMessageServiceTheApiProxy() {
		ServiceEnvironmentBinding.withBound("api-proxy", resolved(this.compose.environment("api-proxy")),
				(bound) -> assertThat(
						((DiscoveryInstances) bound.get(DiscoveryInstances.PREFIX)).instances().get("token-server"))
					.extracting((instance) -> instance.uri().toString())
					.containsExactly("http://token-server-1:8081", "http://token-server-2:8081"));
		// the one-instance shorthand, message-service.api-proxy.url
		ServiceEnvironmentBinding.withBound("message-service", resolved(this.compose.environment("message-service")),
				(bound) -> assertThat(
						((DiscoveryInstances) bound.get(DiscoveryInstances.PREFIX)).instances().get("api-proxy"))
					.extracting((instance) -> instance.uri().toString())
					.containsExactly("http://api-proxy:8082"));
	}

	@Test
	void theBrokerReachesATokenServerTheApiProxyAndWeChatAndSignsWithTheExampleKey() {
		ServiceEnvironmentBinding.withBound("web-auth", resolved(this.compose.environment("web-auth")), (all) -> {
			WebAuthProperties bound = (WebAuthProperties) all.get("web-auth");
			assertThat(bound.tokenServer().url()).hasToString("http://token-server-1:8081");
			assertThat(bound.apiProxy().url()).hasToString("http://api-proxy:8082");
			assertThat(bound.publicUrl()).hasToString(this.envExample.get("WEB_AUTH_PUBLIC_URL"));
			assertThat(bound.wechatOpenBaseUrl()).hasToString(this.envExample.get("WECHAT_OPEN_BASE_URL"));
			assertThat(SigningKeys.fromJwk(bound.signingKey())).hasToString("SigningKeys[kid=demo-web-auth-1]");
			// the client's return addresses, one per comma-separated prefix, each one
			// allowed
			String[] prefixes = this.envExample.get("WEB_AUTH_RETURN_TO").split(",");
			assertThat(bound.clients()).singleElement().satisfies((client) -> {
				assertThat(client.id()).isEqualTo("internal");
				assertThat(client.apps()).containsExactly(this.envExample.get("WX_APP_ID"));
				assertThat(client.returnTo()).containsExactly(prefixes);
				for (String prefix : prefixes) {
					assertThat(client.allowsReturnTo(URI.create(prefix + "signed-in?x=1"))).as(prefix).isTrue();
				}
			});
		});
		// without WECHAT_OPEN_BASE_URL in .env, WeChat's own page
		Map<String, String> production = new LinkedHashMap<>(this.compose.environment("web-auth"));
		production.replaceAll((variable, value) -> value.replace("${WECHAT_OPEN_BASE_URL:-", "${UNSET_IN_ENV:-"));
		ServiceEnvironmentBinding.withBound("web-auth", resolved(production),
				(all) -> assertThat(((WebAuthProperties) all.get("web-auth")).wechatOpenBaseUrl())
					.hasToString("https://open.weixin.qq.com"));
	}

	/**
	 * The environment with every {@code ${VAR…}} replaced as compose would with
	 * {@code .env.example}.
	 */
	private Map<String, String> resolved(Map<String, String> environment) {
		return DeploymentFiles.resolved(environment, this.envExample);
	}

}
