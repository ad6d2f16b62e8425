import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.wxhub.protocol.crypto.MessageCrypto;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.signature.Nonces;
import io.wxhub.protocol.signature.WeChatSignature;
import io.wxhub.protocol.xml.EncryptedPush;
import io.wxhub.protocol.xml.SecureMessageCodec;
import io.wxhub.protocol.xml.XmlCodec;

/**
 * Writes N safe-mode text pushes, each with its own MsgId, signed and encrypted as WeChat does,
 * one per line as "path-and-query TAB body", for bench/pushes.lua. Run with wechat-protocol's
 * classes on the class path (bench/message-push.sh does).
 */
public class GeneratePushes {

	public static void main(String[] args) throws Exception {
		String appId = args[0];
		String originalId = args[1];
		String token = args[2];
		String aesKey = args[3];
		int count = Integer.parseInt(args[4]);
		Path out = Path.of(args[5]);
		SecureMessageCodec codec = new SecureMessageCodec(new XmlCodec(), new MessageCrypto(appId, aesKey), token);
		long now = Instant.now().getEpochSecond();
		long firstId = now * 1_000_000L;
		try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			for (int i = 0; i < count; i++) {
				String timestamp = Long.toString(now);
				String nonce = Nonces.next();
				TextMessage message = new TextMessage(new MessageHeader(originalId, "oBenchFollower" + (i % 1000), now),
						"你好 " + i, firstId + i);
				EncryptedPush push = codec.encryptMessage(message, timestamp, nonce);
				String query = "/wx/" + appId + "?signature=" + WeChatSignature.sign(token, timestamp, nonce)
						+ "&timestamp=" + timestamp + "&nonce=" + nonce + "&openid=oBenchFollower" + (i % 1000)
						+ "&encrypt_type=aes&msg_signature=" + push.msgSignature();
				writer.write(query + "\t" + push.body().replace("\n", ""));
				writer.newLine();
			}
		}
	}

}
