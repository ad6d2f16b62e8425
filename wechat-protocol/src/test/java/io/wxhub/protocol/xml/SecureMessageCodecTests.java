package io.wxhub.protocol.xml;

import java.nio.charset.StandardCharsets;

import io.wxhub.protocol.TestVectors;
import io.wxhub.protocol.crypto.MessageCrypto;
import io.wxhub.protocol.crypto.MessageCryptoException;
import io.wxhub.protocol.crypto.MessageCryptoException.Reason;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.reply.ReplyEnvelope;
import io.wxhub.protocol.reply.TextReply;
import io.wxhub.protocol.reply.VideoReply;
import io.wxhub.protocol.signature.WeChatSignature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SecureMessageCodec} and the encrypted envelopes of {@link XmlCodec}.
 */
class SecureMessageCodecTests {

	private static final String ENC3_BODY = """
			<xml>
			    <ToUserName><![CDATA[asdasdasd]]></ToUserName>
			    <Encrypt><![CDATA[%s]]></Encrypt>
			</xml>""".formatted(TestVectors.ENC3_ENCRYPT);

	private final XmlCodec codec = new XmlCodec();

	@Test
	void decryptsEasyWeChatPush() {
		SecureMessageCodec secure = codec(TestVectors.ENC2_APPID, TestVectors.ENC2_KEY, TestVectors.ENC2_TOKEN);
		assertThat(secure.decryptBody(ENC3_BODY, TestVectors.ENC3_SIGNATURE, TestVectors.ENC3_TIMESTAMP,
				TestVectors.ENC3_NONCE))
			.isEqualTo(TestVectors.ENC3_MESSAGE);
		InboundMessage message = secure.decryptMessage(ENC3_BODY, TestVectors.ENC3_SIGNATURE,
				TestVectors.ENC3_TIMESTAMP, TestVectors.ENC3_NONCE);
		assertThat(message).isEqualTo(new TextMessage(new MessageHeader("asdasdasd", "asdasdasdsadasd", 1234567898L),
				"hello", 12345L, message.fields()));
		assertThat(message.fields()).containsEntry("URL", "http://wechat.laravel.so/server");
	}

	@Test
	void rejectsEasyWeChatPushWithInvalidSignature() {
		SecureMessageCodec secure = codec(TestVectors.ENC2_APPID, TestVectors.ENC2_KEY, TestVectors.ENC2_TOKEN);
		assertThatExceptionOfType(MessageCryptoException.class)
			.isThrownBy(() -> secure.decryptMessage(ENC3_BODY, "invalid-signature", TestVectors.ENC3_TIMESTAMP,
					TestVectors.ENC3_NONCE))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
		assertThatExceptionOfType(MessageCryptoException.class)
			.isThrownBy(() -> secure.decryptMessage(ENC3_BODY, null, TestVectors.ENC3_TIMESTAMP, null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
	}

	@Test
	void rejectsEasyWeChatPushForAnotherAppId() {
		SecureMessageCodec secure = codec("invalid appid", TestVectors.ENC2_KEY, TestVectors.ENC2_TOKEN);
		assertThatExceptionOfType(MessageCryptoException.class)
			.isThrownBy(() -> secure.decryptMessage(ENC3_BODY, TestVectors.ENC3_SIGNATURE, TestVectors.ENC3_TIMESTAMP,
					TestVectors.ENC3_NONCE))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.APPID_MISMATCH));
	}

	@Test
	void decryptsOfficialPushWrappedInXml() {
		SecureMessageCodec secure = codec(TestVectors.ENC1_APPID, TestVectors.ENC1_KEY, TestVectors.ENC1_TOKEN);
		String body = this.codec
			.renderEncryptedRequest(new EncryptedRequest("gh_97417a04a28d", TestVectors.ENC1_ENCRYPT));
		assertThat(secure.verifySignature("6c5c811b55cc85e0e1b54100749188c20beb3f5d", "1714112445", "415670741"))
			.isTrue();
		assertThat(secure.verifySignature("6c5c811b55cc85e0e1b54100749188c20beb3f5e", "1714112445", "415670741"))
			.isFalse();
		assertThat(secure.decryptBody(body, "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "1714112445", "415670741"))
			.isEqualTo(TestVectors.ENC1_MESSAGE);
	}

	@Test
	void rendersOfficialEncryptedReplyExactly() {
		MessageCrypto crypto = new MessageCrypto(TestVectors.ENC1_APPID, TestVectors.ENC1_KEY);
		String encrypt = crypto.encrypt(TestVectors.ENC1_REPLY, ascii(TestVectors.ENC1_REPLY_RANDOM));
		String signature = WeChatSignature.sign(TestVectors.ENC1_TOKEN, "1713424427", "415670741", encrypt);
		String xml = this.codec.renderEncryptedReply(new EncryptedReply(encrypt, signature, "1713424427", "415670741"));
		assertThat(xml).isEqualTo("""
				<xml>
				<Encrypt><![CDATA[%s]]></Encrypt>
				<MsgSignature><![CDATA[%s]]></MsgSignature>
				<TimeStamp>1713424427</TimeStamp>
				<Nonce><![CDATA[415670741]]></Nonce>
				</xml>""".formatted(TestVectors.ENC1_REPLY_ENCRYPT, TestVectors.ENC1_REPLY_SIGNATURE));
		assertThat(this.codec.parseEncryptedReply(xml)).isEqualTo(new EncryptedReply(TestVectors.ENC1_REPLY_ENCRYPT,
				TestVectors.ENC1_REPLY_SIGNATURE, "1713424427", "415670741"));
	}

	@Test
	void decryptsWxJavaEncryptedReplyAndRejectsBadSignature() {
		SecureMessageCodec secure = codec(TestVectors.ENC2_APPID, TestVectors.ENC2_KEY, TestVectors.ENC2_TOKEN);
		String body = this.codec.renderEncryptedReply(
				new EncryptedReply(TestVectors.ENC2_ENCRYPT_B, TestVectors.ENC2_SIGNATURE_B, "1409304348", "xxxxxx"));
		ReplyEnvelope envelope = secure.decryptReply(body);
		assertThat(envelope.reply()).isInstanceOf(VideoReply.class);
		assertThat(envelope.header().fromUserName()).isEqualTo("gh_7f083739789a");
		String forged = this.codec
			.renderEncryptedReply(new EncryptedReply(TestVectors.ENC2_ENCRYPT_B, "12345", "1409304348", "xxxxxx"));
		assertThatExceptionOfType(MessageCryptoException.class).isThrownBy(() -> secure.decryptReply(forged))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
	}

	@Test
	void decryptsWechatpyWeComPush() {
		SecureMessageCodec secure = codec(TestVectors.WECHATPY_CORP_ID, TestVectors.WECHATPY_KEY,
				TestVectors.WECHATPY_TOKEN);
		String encrypt = "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=";
		String body = "<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName><Encrypt><![CDATA[" + encrypt
				+ "]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>";
		InboundMessage message = secure.decryptMessage(body, "74d92dfeb87ba7c714f89d98870ae5eb62dff26d", "1411525903",
				"461056294");
		assertThat(message).isInstanceOf(TextMessage.class);
		assertThat(((TextMessage) message).content()).isEqualTo("test");
		assertThat(message.fromUserName()).isEqualTo("messense");
		assertThat(message.msgId()).isEqualTo(4363689963896700987L);
	}

	@Test
	void emulatorAndAccountSidesRoundTrip() {
		SecureMessageCodec secure = codec(TestVectors.ENC2_APPID, TestVectors.ENC2_KEY, TestVectors.ENC2_TOKEN);
		TextMessage pushed = new TextMessage(new MessageHeader("gh_account", "openid", 1714112445L), "hi ]]> <x>", 9L);
		EncryptedPush push = secure.encryptMessage(pushed, "1714112445", "nonce1");
		assertThat(this.codec.parseEncryptedRequest(push.body()).toUserName()).isEqualTo("gh_account");
		InboundMessage received = secure.decryptMessage(push.body(), push.msgSignature(), "1714112445", "nonce1");
		assertThat(received).isEqualTo(pushed);
		TextReply reply = new TextReply("pong");
		String replyBody = secure.encryptReply(received.header().reply(1714112446L), reply, "1714112446", "nonce1");
		assertThat(replyBody).startsWith("<xml>\n<Encrypt><![CDATA[");
		assertThat(secure.decryptReply(replyBody))
			.isEqualTo(new ReplyEnvelope(new MessageHeader("openid", "gh_account", 1714112446L), reply));
	}

	@Test
	void readsEncryptFromCompatibleModeBody() {
		String body = Samples.TEXT.replace("</xml>", "<Encrypt><![CDATA[abc=]]></Encrypt></xml>");
		assertThat(this.codec.parseEncryptedRequest(body)).isEqualTo(new EncryptedRequest("toUser", "abc="));
	}

	private SecureMessageCodec codec(String appId, String key, String token) {
		return new SecureMessageCodec(this.codec, new MessageCrypto(appId, key), token);
	}

	private static byte[] ascii(String value) {
		return value.getBytes(StandardCharsets.US_ASCII);
	}

}
