package io.wxhub.messageservice.routing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.wxhub.protocol.message.InboundEvent;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.reply.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * POSTs a message as JSON to an internal endpoint; a JSON answer in
 * {@link ReplyTemplate}'s shape is the reply, an empty one (or {@code {}}, or 204) means
 * none. An endpoint that fails, hangs past its timeout or answers garbage gives no reply,
 * logged.
 * <p>
 * Delivery is at least once: should the replica forwarding a message die mid-call,
 * another replica takes the message over and forwards it again. Every forward of one
 * message carries the same {@code Idempotency-Key}, so an endpoint that honours it runs
 * the work once.
 */
@Component
class ForwardAction {

	/** Same value on every forward of one message: {@code appId:deduplicationKey}. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Logger log = LoggerFactory.getLogger(ForwardAction.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ObjectMapper json;

	ForwardAction(ObjectMapper json) {
		this.json = json;
	}

	Optional<Reply> call(RuleAction action, String appId, InboundMessage message) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(action.url()))
				.timeout(action.timeout())
				.header("Content-Type", "application/json")
				.header(IDEMPOTENCY_KEY, appId + ":" + message.deduplicationKey())
				.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body(appId, message))))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				log.warn("Forward to {} answered HTTP {}: no reply", action.url(), response.statusCode());
				return Optional.empty();
			}
			String answer = response.body().trim();
			if (answer.isEmpty() || answer.equals("{}")) {
				return Optional.empty();
			}
			return Optional.of(Replies.from(this.json.readValue(answer, ReplyTemplate.class), (text) -> text));
		}
		catch (IOException ex) {
			log.warn("Forward to {} failed ({}): no reply", action.url(), ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Forward to {} answered something that is no reply ({}): no reply", action.url(),
					ex.getClass().getSimpleName());
		}
		return Optional.empty();
	}

	private static Map<String, Object> body(String appId, InboundMessage message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("appId", appId);
		body.put("msgType", message.msgType());
		body.put("fromUser", message.fromUserName());
		body.put("toUser", message.toUserName());
		body.put("createTime", message.createTime());
		body.put("msgId", message.msgId());
		if (message instanceof InboundEvent event) {
			body.put("event", event.event());
			body.put("eventKey", event.eventKey());
		}
		body.put("fields", message.fields());
		return body;
	}

}
