package io.wxhub.messageservice.delivery;

import java.net.ServerSocket;
import java.util.Map;

import io.wxhub.messageservice.MessageServiceApplication;
import io.wxhub.sandbox.SandboxApplication;
import io.wxhub.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The api-proxy as a list of two instances, the first one gone (nothing listens on its
 * port): every call, the token read and the customer-service POST alike, is answered by
 * the other one, since a call that cannot connect goes to the next instance at once. The
 * sandbox stands in for the api-proxy (it speaks WeChat's API, as the proxy does).
 */
class ApiProxyReplicasIntegrationTests {

	private static final String APP = "wxreplicas00000001";

	private static final String SECRET = "replicas-app-secret";

	private static final String PREFIX = TestRedis.newPrefix("replicas");

	private static ConfigurableApplicationContext sandbox;

	private static ConfigurableApplicationContext service;

	@BeforeAll
	static void start() throws Exception {
		sandbox = SandboxApplication.builder()
			.run("--server.port=0", "--sandbox.accounts[0].app-id=" + APP, "--sandbox.accounts[0].secret=" + SECRET,
					"--sandbox.accounts[0].original-id=gh_replicas001");
		int gone;
		try (ServerSocket socket = new ServerSocket(0)) {
			gone = socket.getLocalPort();
		}
		service = MessageServiceApplication.builder()
			.run("--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
					"--message-service.redis-prefix=" + PREFIX, "--message-service.api-proxy.client-key=" + SECRET,
					"--message-service.apps[0].app-id=" + APP, "--message-service.apps[0].original-id=gh_replicas001",
					"--message-service.apps[0].token=replicas", "--message-service.apps[0].mode=plain",
					"--spring.cloud.discovery.client.simple.instances.api-proxy[0].uri=http://127.0.0.1:" + gone,
					"--spring.cloud.discovery.client.simple.instances.api-proxy[1].uri=" + url(sandbox));
	}

	@AfterAll
	static void stop() {
		service.close();
		sandbox.close();
		TestRedis.deleteKeys(PREFIX);
	}

	@Test
	void callsThatCannotConnectGoToTheOtherInstance() {
		ApiProxyClient proxy = service.getBean(ApiProxyClient.class);
		// round robin: half of these are sent to the instance that is gone first
		for (int i = 0; i < 6; i++) {
			Map<String, Object> token = proxy.token(APP, SECRET);
			assertThat(token).containsKey("access_token");
			Map<String, Object> sent = proxy.sendCustomMessage(token.get("access_token").toString(),
					Map.of("touser", "oReplicasFollower1", "msgtype", "text", "text", Map.of("content", "hi " + i)));
			assertThat(sent).containsKey("errcode");
		}
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
