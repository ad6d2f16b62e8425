package io.wxhub.messageservice.callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.wxhub.messageservice.dedup.MessageMetrics;
import io.wxhub.messageservice.dedup.MessageProcessor;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.xml.XmlCodec;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

	private final MessageProcessor processor;

	private final MessageMetrics metrics;

	private final XmlCodec codec;

	private final long maxBodySize;

	private final Clock clock;

	private final Duration deadline;

	CallbackController(Accounts accounts, PushDecoder decoder, MessageProcessor processor, MessageMetrics metrics,
			XmlCodec codec, MessageServiceProperties properties, Clock clock) {
		this.accounts = accounts;
		this.decoder = decoder;
		this.processor = processor;
		this.metrics = metrics;
		this.codec = codec;
		this.maxBodySize = properties.maxBodySize().toBytes();
		this.clock = clock;
		this.deadline = properties.deadline();
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

	@PostMapping
	ResponseEntity<String> receive(@PathVariable String appId, @RequestParam(required = false) String signature,
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
		CompletableFuture<String> answer = this.processor.process(appId, message, arrivedAt,
				(reply) -> render(account, message, reply, push));
		if (answer.isDone()) {
			this.metrics.latency(appId, Duration.between(arrivedAt, this.clock.instant()));
			String body = answer.join();
			return body.isEmpty() ? ResponseEntity.ok().build() : ResponseEntity.ok().contentType(XML).body(body);
		}
		answerLater(appId, arrivedAt, answer, request);
		return null; // answered asynchronously
	}

	/**
	 * A slow action or another replica's work is awaited: the request thread goes back to
	 * the pool, and the answer is written when it is known (by the deadline at the
	 * latest).
	 */
	private void answerLater(String appId, Instant arrivedAt, CompletableFuture<String> answer,
			HttpServletRequest request) {
		AsyncContext async = request.startAsync();
		async.setTimeout(this.deadline.plusSeconds(10).toMillis());
		answer.whenComplete((body, failure) -> {
			HttpServletResponse response = (HttpServletResponse) async.getResponse();
			try {
				response.setStatus(HttpServletResponse.SC_OK);
				if (body != null && !body.isEmpty()) {
					byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
					response.setContentType(XML.toString());
					response.setContentLength(bytes.length);
					response.getOutputStream().write(bytes);
				}
			}
			catch (IOException | IllegalStateException ex) {
				// WeChat has gone away; a retry will get the stored answer.
			}
			finally {
				async.complete();
				this.metrics.latency(appId, Duration.between(arrivedAt, this.clock.instant()));
			}
		});
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
