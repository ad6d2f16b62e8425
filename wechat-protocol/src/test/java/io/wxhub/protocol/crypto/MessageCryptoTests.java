package io.wxhub.protocol.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.wxhub.protocol.TestVectors;
import io.wxhub.protocol.signature.WeChatSignature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MessageCrypto} against the published vectors.
 */
class MessageCryptoTests {

	@Test
	void officialVectorDecryptsToTheMessage() {
		MessageCrypto crypto = new MessageCrypto(TestVectors.ENC1_APPID, TestVectors.ENC1_KEY);
		assertThat(crypto.decrypt(TestVectors.ENC1_ENCRYPT)).isEqualTo(
				"{\"ToUserName\":\"gh_97417a04a28d\",\"FromUserName\":\"o9AgO5Kd5ggOC-bXrbNODIiE3bGY\",\"CreateTime\":1714112445,\"MsgType\":\"event\",\"Event\":\"debug_demo\",\"debug_str\":\"hello world\"}");
		assertThat(Base64.getDecoder().decode(TestVectors.ENC1_ENCRYPT)).hasSize(224);
	}

	@Test
	void officialVectorsUseSixteenAsciiCharactersAsTheRandomPrefix() throws Exception {
		byte[] official = rawDecrypt(TestVectors.ENC1_KEY, TestVectors.ENC1_ENCRYPT);
		assertThat(official).hasSize(224);
		assertThat(new String(official, 0, 16, StandardCharsets.US_ASCII)).isEqualTo("a8eedb185eb2fecf");
		assertThat(ByteBuffer.wrap(official, 16, 4).getInt()).isEqualTo(167);
		assertThat(new String(official, 20 + 167, 18, StandardCharsets.UTF_8)).isEqualTo(TestVectors.ENC1_APPID);
		assertThat(Arrays.copyOfRange(official, 205, 224)).containsOnly(0x13);
		byte[] easyWeChat = rawDecrypt(TestVectors.ENC2_KEY, TestVectors.ENC3_ENCRYPT);
		assertThat(new String(easyWeChat, 0, 16, StandardCharsets.US_ASCII)).isEqualTo("d43123b161a4ba84");
	}

	@Test
	void officialVectorReplyEncryptsExactly() {
		MessageCrypto crypto = new MessageCrypto(TestVectors.ENC1_APPID, TestVectors.ENC1_KEY);
		String encrypt = crypto.encrypt("{\"demo_resp\":\"good luck\"}", ascii("707722b803182950"));
		assertThat(encrypt)
			.isEqualTo("ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==");
		assertThat(WeChatSignature.sign("AAAAA", "1713424427", "415670741", encrypt))
			.isEqualTo("1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1");
	}

	@Test
	void oneInstanceServesManyThreadsAndRepeatedCalls() throws Exception {
		MessageCrypto crypto = new MessageCrypto(TestVectors.ENC1_APPID, TestVectors.ENC1_KEY);
		String expected = "ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==";
		List<Thread> threads = new java.util.ArrayList<>();
		java.util.Queue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			threads.add(new Thread(() -> IntStream.range(0, 500).forEach((i) -> {
				String message = "message " + thread + "/" + i + " 中文";
				// ciphers are reused per thread: every call must start from the key's IV
				if (!crypto.decrypt(crypto.encrypt(message)).equals(message)
						|| !crypto.encrypt("{\"demo_resp\":\"good luck\"}", ascii("707722b803182950"))
							.equals(expected)) {
					failures.add(message);
				}
			})));
		}
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(failures).isEmpty();
		assertThatExceptionOfType(MessageCryptoException.class)
			.isThrownBy(() -> crypto.decrypt(Base64.getEncoder().encodeToString(new byte[32])));
		assertThat(crypto.decrypt(TestVectors.ENC1_ENCRYPT)).contains("hello world");
	}

	@Test
	void wxJavaVectorsEncryptExactly() {
		MessageCrypto crypto = new MessageCrypto(TestVectors.ENC2_APPID, TestVectors.ENC2_KEY);
		String encryptA = crypto.encrypt("我是中文abcd123", ascii("aaaabbbbccccdddd"));
		String encryptB = crypto.encrypt(TestVectors.ENC2_PLAINTEXT_B, ascii("aaaabbbbccccdddd"));
		assertThat(encryptA)
			.isEqualTo("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==");
		assertThat(encryptB).isEqualTo(TestVectors.ENC2_ENCRYPT_B);
		assertThat(WeChatSignature.sign("pamtest", "1409304348", "xxxxxx", encryptA))
			.isEqualTo("82c962d39941aa48552f90ef55aa323dc620cc10");
		assertThat(WeChatSignature.sign("pamtest", "1409304348", "xxxxxx", encryptB))
			.isEqualTo("ea88b765074e41eb8c7a75b449db34fa2fd560d5");
		assertThat(WeChatSignature.verify("12345", "pamtest", "1409304348", "xxxxxx", encryptB)).isFalse();
		assertThat(crypto.decrypt(encryptA)).isEqualTo("我是中文abcd123");
		assertThat(crypto.decrypt(encryptB)).isEqualTo(TestVectors.ENC2_PLAINTEXT_B);
	}

	@Test
	void easyWeChatVectorDecryptsWithItsSignature() {
		MessageCrypto crypto = new MessageCrypto(TestVectors.ENC2_APPID, TestVectors.ENC2_KEY);
		assertThat(WeChatSignature.verify("4f3ad57b6989f09f4eb392acce4f9e93942ed890", "pamtest", "1458300676",
				"260774613", TestVectors.ENC3_ENCRYPT))
			.isTrue();
		assertThat(crypto.decrypt(TestVectors.ENC3_ENCRYPT)).isEqualTo(TestVectors.ENC3_MESSAGE);
	}

	@Test
	void weComSampleDecrypts() {
		String encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
		MessageCrypto crypto = new MessageCrypto("wx5823bf96d3bd56c7", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C");
		assertThat(WeChatSignature.verify("477715d11cdb4164915debcba66cb864d751f3e6", "QDG6eK", "1409659813",
				"1372623149", encrypt))
			.isTrue();
		assertThat(crypto.decrypt(encrypt)).isEqualTo(
				"<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>");
	}

	@Test
	void wechatpyWeComVectorsDecryptAndEncrypt() {
		MessageCrypto crypto = new MessageCrypto(TestVectors.WECHATPY_CORP_ID, TestVectors.WECHATPY_KEY);
		String encrypt = "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3";
		String plaintext = "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>";
		assertThat(crypto.encrypt(plaintext, ascii("1234567890123456"))).isEqualTo(encrypt);
		assertThat(WeChatSignature.sign("123456", "1411525903", "461056294", encrypt))
			.isEqualTo("407518b7649e86ef23978113f92d27afa9296533");
		assertThat(crypto.decrypt(encrypt)).isEqualTo(plaintext);
	}

	@Test
	void wechatpyWeComEchostrDecryptsWithFourValueSignature() {
		MessageCrypto crypto = new MessageCrypto(TestVectors.WECHATPY_CORP_ID, TestVectors.WECHATPY_KEY);
		String echostr = "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==";
		assertThat(WeChatSignature.verify("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96", "123456", "1411443780",
				"437374425", echostr))
			.isTrue();
		assertThat(WeChatSignature.verify("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96", "123456", "1411443780",
				"437374424", echostr))
			.isFalse();
		assertThat(crypto.decrypt(echostr)).isEqualTo("5927782489442352469");
	}

	@Test
	void randomEncryptionRoundTripsAndDiffersEachTime() {
		MessageCrypto crypto = new MessageCrypto(TestVectors.ENC2_APPID, TestVectors.ENC2_KEY);
		String first = crypto.encrypt("<xml>你好 ]]> 😀</xml>");
		String second = crypto.encrypt("<xml>你好 ]]> 😀</xml>");
		assertThat(first).isNotEqualTo(second);
		assertThat(crypto.decrypt(first)).isEqualTo("<xml>你好 ]]> 😀</xml>");
		assertThat(crypto.decrypt(second)).isEqualTo("<xml>你好 ]]> 😀</xml>");
		assertThat(crypto.decrypt(crypto.encrypt(""))).isEmpty();
	}

	@Test
	void paddedPlaintextIsAlwaysAMultipleOf32() {
		MessageCrypto crypto = new MessageCrypto(TestVectors.ENC2_APPID, TestVectors.ENC2_KEY);
		for (int length = 0; length < 70; length++) {
			String message = "x".repeat(length);
			byte[] ciphertext = Base64.getDecoder().decode(crypto.encrypt(message));
			assertThat(ciphertext.length % 32).isZero();
			assertThat(crypto.decrypt(crypto.encrypt(message))).isEqualTo(message);
		}
	}

	@Test
	void isSafeToShareAcrossThreads() {
		MessageCrypto crypto = new MessageCrypto(TestVectors.ENC2_APPID, TestVectors.ENC2_KEY);
		List<String> results = IntStream.range(0, 200)
			.parallel()
			.mapToObj((i) -> crypto.decrypt(crypto.encrypt("message " + i)))
			.toList();
		assertThat(results).hasSize(200).allMatch((result) -> result.startsWith("message "));
		assertThat(crypto.decrypt(TestVectors.ENC2_ENCRYPT_B)).isEqualTo(TestVectors.ENC2_PLAINTEXT_B);
	}

	private static byte[] rawDecrypt(String encodingAesKey, String encrypt) throws Exception {
		byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
		Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
		return cipher.doFinal(Base64.getDecoder().decode(encrypt));
	}

	static byte[] ascii(String random) {
		return random.getBytes(StandardCharsets.US_ASCII);
	}

}
