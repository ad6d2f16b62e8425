package io.wxhub.messageservice;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.wxhub.messageservice.ChainCluster.COMPAT_APP;
import static io.wxhub.messageservice.ChainCluster.PLAIN_APP;
import static io.wxhub.messageservice.ChainCluster.SAFE_APP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's simulated followers push to a message-service with the shipped demo
 * rules: every inbound type in every mode, the seed conversation, and the URL check, each
 * reply verified and decrypted by the sandbox as WeChat would.
 */
class ConversationIntegrationTests {

	private static ChainCluster chain;

	private static final List<String> EVERY_INBOUND = List.of("{\"msgType\":\"text\",\"content\":\"hello\"}",
			"{\"msgType\":\"image\"}", "{\"msgType\":\"voice\",\"recognition\":\"你好\"}", "{\"msgType\":\"video\"}",
			"{\"msgType\":\"shortvideo\"}",
			"{\"msgType\":\"location\",\"latitude\":23.134521,\"longitude\":113.358803,\"label\":\"位置信息\"}",
			"{\"msgType\":\"link\",\"title\":\"t\",\"description\":\"d\",\"url\":\"https://example.com\"}",
			"{\"msgType\":\"event\",\"event\":\"subscribe\"}",
			"{\"msgType\":\"event\",\"event\":\"subscribe\",\"eventKey\":\"qrscene_123\"}",
			"{\"msgType\":\"event\",\"event\":\"SCAN\",\"eventKey\":\"123\"}",
			"{\"msgType\":\"event\",\"event\":\"LOCATION\",\"latitude\":23.137466,\"longitude\":113.352425}",
			"{\"msgType\":\"event\",\"event\":\"CLICK\",\"eventKey\":\"V1001_GOOD\"}",
			"{\"msgType\":\"event\",\"event\":\"VIEW\",\"eventKey\":\"https://example.com\"}",
			"{\"msgType\":\"event\",\"event\":\"TEMPLATESENDJOBFINISH\",\"msgId\":200163836,\"status\":\"success\"}",
			"{\"msgType\":\"event\",\"event\":\"unsubscribe\"}");

	@BeforeAll
	static void start() {
		chain = new ChainCluster();
		chain.startServices(1, null);
	}

	@AfterAll
	static void stop() {
		chain.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { SAFE_APP, COMPAT_APP, PLAIN_APP })
	void everyInboundTypeIsAnsweredInEveryMode(String app) {
		String follower = "oEveryType" + app.substring(app.length() - 6);
		for (String message : EVERY_INBOUND) {
			JsonNode seen = chain.send(app, follower, message);
			assertThat(seen.path("outcome").asString()).as(message).isIn("reply", "empty");
			assertThat(seen.path("attempts").asInt()).as(message).isEqualTo(1);
		}
		JsonNode text = chain.send(app, follower, "{\"msgType\":\"text\",\"content\":\"微博\"}");
		assertThat(text.path("reply").path("msgType").asString()).isEqualTo("news");
		if (!app.equals(PLAIN_APP)) {
			// The sandbox verified MsgSignature and decrypted: the raw answer was the
			// envelope.
			assertThat(text.path("responseBody").asString()).contains("<Encrypt>");
		}
	}

	@Test
	void theSeedConversationInSafeMode() {
		String follower = "oSeedConversation01";
		JsonNode hi = chain.send(SAFE_APP, follower, "{\"msgType\":\"event\",\"event\":\"subscribe\"}");
		assertThat(hi.path("reply").path("content").asString()).isEqualTo("Hi~ 终于等到你");

		JsonNode weibo = chain.send(SAFE_APP, follower, "{\"msgType\":\"text\",\"content\":\"微博\"}");
		assertThat(weibo.path("reply").path("msgType").asString()).isEqualTo("news");
		assertThat(weibo.path("reply").path("articles").get(0).path("url").asString()).contains("weibo.com");

		JsonNode welcome = chain.send(SAFE_APP, follower, "{\"msgType\":\"text\",\"content\":\"你好\"}");
		assertThat(welcome.path("reply").path("articles").size()).isEqualTo(2);

		JsonNode image = chain.send(SAFE_APP, follower, "{\"msgType\":\"image\",\"mediaId\":\"MEDIA_SEED_1\"}");
		assertThat(image.path("reply").path("msgType").asString()).isEqualTo("image");
		assertThat(image.path("reply").path("mediaId").asString()).isEqualTo("MEDIA_SEED_1");

		JsonNode conversation = chain.conversation(SAFE_APP, follower);
		assertThat(conversation.size()).isEqualTo(8);
		assertThat(conversation.get(1).path("kind").asString()).isEqualTo("passive-reply");
	}

	@Test
	void urlVerificationAsWeChatsConsoleRunsIt() {
		JsonNode check = ChainCluster
			.json(ChainCluster.post(chain.sandboxUrl() + "/sandbox/apps/" + SAFE_APP + "/url-check", "{}"));
		assertThat(check.path("ok").asBoolean()).isTrue();
		JsonNode wrongToken = ChainCluster.json(ChainCluster.post(chain.sandboxUrl() + "/sandbox/url-check",
				"{\"url\":\"" + chain.callback.url() + "/wx/" + SAFE_APP + "\",\"token\":\"not-the-token\"}"));
		assertThat(wrongToken.path("ok").asBoolean()).isFalse();
		assertThat(wrongToken.path("status").asInt()).isEqualTo(403);
	}

}
