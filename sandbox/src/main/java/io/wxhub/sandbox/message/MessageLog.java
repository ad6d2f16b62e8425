package io.wxhub.sandbox.message;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wxhub.sandbox.system.SandboxState;

import org.springframework.stereotype.Component;

/**
 * Every customer-service and template message the apps sent, the latest
 * {@value #KEPT_PER_APP} per app, for inspection and for the push side's conversations.
 */
@Component
public class MessageLog implements SandboxState {

	/** How many messages are kept per app; older ones are dropped. */
	public static final int KEPT_PER_APP = 10_000;

	private final Map<String, Deque<SentMessage>> messages = new ConcurrentHashMap<>();

	/**
	 * @param appId the sending app
	 * @param message the accepted message
	 */
	public void record(String appId, SentMessage message) {
		Deque<SentMessage> sent = this.messages.computeIfAbsent(appId, (key) -> new ArrayDeque<>());
		synchronized (sent) {
			sent.addLast(message);
			if (sent.size() > KEPT_PER_APP) {
				sent.removeFirst();
			}
		}
	}

	/**
	 * @param appId the sending app
	 * @param openid the recipient, or {@code null} for all
	 * @return the messages, oldest first
	 */
	public List<SentMessage> messages(String appId, String openid) {
		Deque<SentMessage> sent = this.messages.get(appId);
		if (sent == null) {
			return List.of();
		}
		synchronized (sent) {
			return sent.stream().filter((message) -> openid == null || message.openid().equals(openid)).toList();
		}
	}

	@Override
	public void reset() {
		this.messages.clear();
	}

}
