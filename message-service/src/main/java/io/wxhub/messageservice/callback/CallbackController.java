package io.wxhub.messageservice.callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.wxhub.messageservice.push.MessageMetrics;
import io.wxhub.messageservice.push.PushPipeline;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.xml.XmlCodec;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat's callback URL, {@code /wx/{appId}}: the URL check WeChat runs when the server
 * configuration is saved (GET), and every push (POST).
 */
@RestController
@RequestMapping("/wx/{appId}")
class CallbackController {

	private static final MediaType XML = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);

	private final Accounts accounts;

	private final PushDecoder decoder;

	private final PushPipeline pipeline;

	private final MessageMetrics metrics;

	private final XmlCodec codec;

	private final long maxBodySize;

	private final Clock clock;

	CallbackController(Accounts accounts, PushDecoder decoder, PushPipeline pipeline, MessageMetrics metrics,
			XmlCodec codec, MessageServiceProperties properties, Clock clock) {
		this.accounts = accounts;
		this.decoder = decoder;
		this.pipeline = pipeline;
		this.metrics = metrics;
		this.codec = codec;
		this.maxBodySize = properties.maxBodySize().toBytes();
		this.clock = clock;
	}

	/**
	 * Answers {@code echostr} exactly when the signature holds (not encrypted, even in
	 * safe mode).
	 */
	@GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
	String verifyUrl(@PathVariable String appId, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		Account account = this.accounts.require(appId);
		if (!account.secure().verifySignature(signature, timestamp, nonce)) {
			throw new CallbackRejected(HttpStatus.FORBIDDEN, "bad-signature", "The signature does not match");
		}
		if (echostr == null) {
			throw new CallbackRejected(HttpStatus.BAD_REQUEST, "no-echostr", "echostr is missing");
		}
		return echostr;
	}

	/**
	 * Answers a push: a {@link ResponseEntity} when the answer is known at once (most
	 * pushes), else a {@link CompletableFuture} of it, completed by the deadline at the
	 * latest, while the request thread goes back to the pool. Returning the future for
	 * every push would cost each an asynchronous dispatch: measured side by side, 15-38 %
	 * more CPU per push and 16-18 % fewer pushes per second (docs/performance.md), so the
	 * declared type is {@code Object} and Spring MVC picks the handler by the value.
	 */
	@PostMapping
	Object receive(@PathVariable String appId, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(name = "encrypt_type", required = false) String encryptType,
			@RequestParam(name = "msg_signature", required = false) String msgSignature, HttpServletRequest request)
			throws IOException {
		Instant arrivedAt = this.clock.instant();
		Account account = this.accounts.require(appId);
		if (request.getContentLengthLong() > this.maxBodySize) {
			throw tooLarge();
		}
		PushParameters push = new PushParameters(signature, timestamp, nonce, encryptType, msgSignature);
		this.decoder.verify(account, push);
		InboundMessage message = this.decoder.decode(account, push, readBody(request));
		CompletableFuture<ResponseEntity<String>> answer = this.pipeline
			.process(appId, message, arrivedAt, (reply) -> render(account, message, reply, push))
			.handle((body, failure) -> {
				this.metrics.latency(appId, Duration.between(arrivedAt, this.clock.instant()));
				// A failure inside the pipeline is its own: WeChat gets an empty answer,
				// never a 5xx.
				return (body == null || body.isEmpty()) ? ResponseEntity.ok().build()
						: ResponseEntity.ok().contentType(XML).body(body);
			});
		return answer.isDone() ? answer.join() : answer;
	}

	/** A reply in kind: encrypted when the push was. */
	private String render(Account account, InboundMessage message, Reply reply, PushParameters push) {
		long now = this.clock.instant().getEpochSecond();
		MessageHeader header = message.header().reply(now);
		if (push.encrypted()) {
			// WeChat's guide: sign the reply with our own timestamp and the push's nonce.
			return account.secure().encryptReply(header, reply, Long.toString(now), push.nonce());
		}
		return this.codec.renderReply(header, reply);
	}

	private String readBody(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) this.maxBodySize + 1);
			if (body.length > this.maxBodySize) {
				throw tooLarge();
			}
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private CallbackRejected tooLarge() {
		return new CallbackRejected(HttpStatus.CONTENT_TOO_LARGE, "too-large",
				"Pushes are limited to " + this.maxBodySize + " bytes");
	}

}
