package io.wxhub.messageservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.wxhub.protocol.crypto.MessageCrypto;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.signature.Nonces;
import io.wxhub.protocol.signature.WeChatSignature;
import io.wxhub.protocol.xml.EncryptedPush;
import io.wxhub.protocol.xml.SecureMessageCodec;
import io.wxhub.protocol.xml.XmlCodec;

/**
 * Builds and sends pushes exactly as WeChat signs and encrypts them, for direct tests.
 */
final class Pushes {

	static final XmlCodec CODEC = new XmlCodec();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String appId;

	private final String token;

	private final SecureMessageCodec secure;

	Pushes(String baseUrl, String appId, String token, String aesKey) {
		this.baseUrl = baseUrl;
		this.appId = appId;
		this.token = token;
		this.secure = (aesKey != null) ? new SecureMessageCodec(CODEC, new MessageCrypto(appId, aesKey), token) : null;
	}

	SecureMessageCodec secure() {
		return this.secure;
	}

	/** A plain push of the message, signed now. */
	HttpResponse<String> plain(InboundMessage message) {
		return plainBody(CODEC.renderMessage(message));
	}

	/** A plain push of any body, correctly signed. */
	HttpResponse<String> plainBody(String body) {
		String timestamp = now();
		String nonce = Nonces.next();
		return post(query(timestamp, nonce), body);
	}

	/** A safe-mode push (the body holds only ToUserName and Encrypt), signed now. */
	HttpResponse<String> encrypted(InboundMessage message) {
		String timestamp = now();
		String nonce = Nonces.next();
		EncryptedPush push = this.secure.encryptMessage(message, timestamp, nonce);
		return post(query(timestamp, nonce) + "&encrypt_type=aes&msg_signature=" + push.msgSignature(), push.body());
	}

	/** A push with the given query string (everything after {@code ?}) and body. */
	HttpResponse<String> post(String query, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/wx/" + this.appId + "?" + query))
			.header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** The URL check WeChat runs when a server configuration is saved. */
	HttpResponse<String> verifyUrl(String echostr, boolean rightSignature) {
		String timestamp = now();
		String nonce = Nonces.next();
		String signature = rightSignature ? WeChatSignature.sign(this.token, timestamp, nonce) : "0".repeat(40);
		return send(HttpRequest
			.newBuilder(URI.create(this.baseUrl + "/wx/" + this.appId + "?signature=" + signature + "&timestamp="
					+ timestamp + "&nonce=" + nonce + "&echostr=" + echostr))
			.GET());
	}

	String query(String timestamp, String nonce) {
		return "signature=" + WeChatSignature.sign(this.token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce="
				+ nonce + "&openid=oTest";
	}

	static String now() {
		return Long.toString(Instant.now().getEpochSecond());
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
