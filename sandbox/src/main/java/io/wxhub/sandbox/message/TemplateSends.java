package io.wxhub.sandbox.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.wxhub.sandbox.system.SandboxState;

import org.springframework.stereotype.Component;

/**
 * Sends template messages with WeChat's idempotency: the same {@code client_msg_id} to
 * the same follower within 10 minutes is sent once and answers the first msgid again.
 */
@Component
class TemplateSends implements SandboxState {

	private static final Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(10);

	private static final long FIRST_MSGID = 2_000_000_001L;

	private final Map<String, Sent> byClientMsgId = new HashMap<>();

	private final MessageLog log;

	private final Clock clock;

	private long nextMsgid = FIRST_MSGID;

	TemplateSends(MessageLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	/**
	 * @param appId the sending app
	 * @param openid the recipient
	 * @param clientMsgId the {@code client_msg_id}, possibly {@code null}
	 * @param body the request body
	 * @return the msgid
	 */
	synchronized long send(String appId, String openid, String clientMsgId, JsonNode body) {
		Instant now = this.clock.instant();
		this.byClientMsgId.values().removeIf((sent) -> !now.isBefore(sent.at().plus(IDEMPOTENCY_WINDOW)));
		String key = (clientMsgId != null) ? appId + '|' + openid + '|' + clientMsgId : null;
		Sent previous = (key != null) ? this.byClientMsgId.get(key) : null;
		if (previous != null) {
			return previous.msgid();
		}
		long msgid = this.nextMsgid++;
		this.log.record(appId, new SentMessage(openid, "template", body, now, msgid));
		if (key != null) {
			this.byClientMsgId.put(key, new Sent(msgid, now));
		}
		return msgid;
	}

	// msgids keep growing across resets so that no client sees one twice
	@Override
	public synchronized void reset() {
		this.byClientMsgId.clear();
	}

	private record Sent(long msgid, Instant at) {
	}

}
