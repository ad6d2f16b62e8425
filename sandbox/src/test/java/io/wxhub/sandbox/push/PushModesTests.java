package io.wxhub.sandbox.push;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.wxhub.protocol.message.TemplateSendJobFinishEvent;
import io.wxhub.protocol.message.UnsubscribeEvent;
import io.wxhub.protocol.xml.XmlCodec;
import io.wxhub.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every kind of message and event a follower can send, in each encryption mode: what the
 * developer's server receives, checked by decrypting and parsing it there.
 */
class PushModesTests extends PushTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "plain", "compatible", "safe" })
	void everyInboundTypeArrivesAsWeChatSendsIt(String mode) {
		CallbackAccount account = account(mode);
		String openid = follower(account, 1);
		for (InboundCases.Case sent : InboundCases.all()) {
			SERVER.clear();
			Reply reply = send(account, openid, sent.body());
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(SERVER.received()).hasSize(1);
			Received got = SERVER.last();
			assertSignedAndShaped(account, openid, got);
			assertThat(got.message()).as(sent.body().toString()).isInstanceOf(sent.type());
			sent.check().accept(got.message());
			if (!sent.body().containsKey("createTime")) {
				assertThat(got.message().createTime()).isEqualTo(this.clock.instant().getEpochSecond());
			}
			JsonNode result = reply.json();
			assertThat(result.path("outcome").asString()).isEqualTo("reply");
			assertThat(result.path("attempts").asInt()).isEqualTo(1);
			assertThat(result.path("reply").path("content").asString()).isEqualTo("echo: " + Answers.describe(got));
			boolean seen = !(got.message() instanceof UnsubscribeEvent
					|| got.message() instanceof TemplateSendJobFinishEvent);
			assertThat(result.path("shown").asString(null)).isEqualTo(seen ? "echo: " + Answers.describe(got) : null);
			if (got.message().msgId() != null) {
				assertThat(result.path("msgId").asLong()).isEqualTo(got.message().msgId());
			}
		}
	}

	private void assertSignedAndShaped(CallbackAccount account, String openid, Received got) {
		assertThat(got.method()).isEqualTo("POST");
		assertThat(got.contentType()).isEqualTo("text/xml");
		assertThat(got.signed()).isTrue();
		assertThat(got.problem()).isNull();
		assertThat(got.query().get("openid")).isEqualTo(openid);
		// signed with the real time; CreateTime follows the sandbox clock
		assertThat(Long.parseLong(got.query().get("timestamp"))).isCloseTo(Instant.now().getEpochSecond(), within(5L));
		assertThat(got.query().get("nonce")).matches("\\d{1,10}");
		assertThat(got.message().toUserName()).isEqualTo(account.originalId());
		assertThat(got.message().fromUserName()).isEqualTo(openid);
		Map<String, String> body = got.bodyFields();
		switch (account.mode()) {
			case "plain" -> {
				assertThat(got.query()).containsOnlyKeys("signature", "timestamp", "nonce", "openid");
				assertThat(body).doesNotContainKey("Encrypt");
			}
			case "safe" -> {
				assertThat(got.query()).containsOnlyKeys("signature", "timestamp", "nonce", "openid", "encrypt_type",
						"msg_signature");
				assertThat(body.keySet()).containsExactly("ToUserName", "Encrypt");
				assertThat(body.get("ToUserName")).isEqualTo(account.originalId());
			}
			default -> {
				assertThat(got.query()).containsKeys("encrypt_type", "msg_signature");
				Map<String, String> plain = new LinkedHashMap<>(body);
				assertThat(plain.remove("Encrypt")).isNotBlank();
				assertThat(plain).containsExactlyEntriesOf(new XmlCodec().parseFields(got.plaintext()));
			}
		}
	}

}
