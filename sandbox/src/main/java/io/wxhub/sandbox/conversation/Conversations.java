package io.wxhub.sandbox.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

import io.wxhub.sandbox.conversation.ConversationEntry.Direction;
import io.wxhub.sandbox.conversation.ConversationEntry.Kind;
import io.wxhub.sandbox.system.SandboxState;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The chat of every follower with every app, in the order things happened: what the
 * follower sent, the passive replies, WeChat's "unavailable" notices and the
 * customer-service messages the app sent. The latest {@value #KEPT_PER_FOLLOWER} lines
 * per follower are kept.
 */
@Component
public class Conversations implements SandboxState {

	/** How many lines are kept per follower; older ones are dropped. */
	public static final int KEPT_PER_FOLLOWER = 1000;

	private final Map<String, List<ConversationEntry>> chats = new ConcurrentHashMap<>();

	private final ConversationStream stream = new ConversationStream();

	/**
	 * @param appId the app
	 * @param openid the follower
	 * @param entry what happened
	 */
	public void record(String appId, String openid, ConversationEntry entry) {
		List<ConversationEntry> chat = this.chats.computeIfAbsent(key(appId, openid), (ignored) -> new ArrayList<>());
		// under the chat's lock, so that a page sees each line once and in order
		synchronized (chat) {
			chat.add(entry);
			if (chat.size() > KEPT_PER_FOLLOWER) {
				chat.remove(0);
			}
			this.stream.publish(key(appId, openid), entry);
		}
	}

	/**
	 * Records a customer-service message that the API side accepted.
	 * @param appId the sending app
	 * @param openid the recipient
	 * @param msgtype its {@code msgtype}
	 * @param body the request body
	 * @param at when it was accepted
	 */
	public void customerService(String appId, String openid, String msgtype, JsonNode body, Instant at) {
		record(appId, openid,
				new ConversationEntry(at, Direction.OUT, Kind.CUSTOMER_SERVICE, msgtype, summary(msgtype, body), body));
	}

	/**
	 * @param appId the app
	 * @param openid the follower
	 * @return the lines, oldest first
	 */
	public List<ConversationEntry> entries(String appId, String openid) {
		List<ConversationEntry> chat = this.chats.get(key(appId, openid));
		if (chat == null) {
			return List.of();
		}
		synchronized (chat) {
			return List.copyOf(chat);
		}
	}

	/**
	 * Watches one follower's chat.
	 * @param appId the app
	 * @param openid the follower
	 * @return server-sent events: the lines so far, then each new one
	 */
	SseEmitter watch(String appId, String openid) {
		String key = key(appId, openid);
		List<ConversationEntry> chat = this.chats.computeIfAbsent(key, (ignored) -> new ArrayList<>());
		synchronized (chat) {
			return this.stream.open(key, List.copyOf(chat));
		}
	}

	/**
	 * Forgets one follower's chat.
	 * @param appId the app
	 * @param openid the follower
	 */
	public void clear(String appId, String openid) {
		this.chats.remove(key(appId, openid));
		this.stream.cleared(key(appId, openid));
	}

	@Override
	public void reset() {
		this.chats.clear();
		this.stream.cleared(null);
	}

	@EventListener(ContextClosedEvent.class)
	void closeStreams() {
		this.stream.closeAll();
	}

	// text shows as itself; other types as [msgtype] and their title, if any
	private static String summary(String msgtype, JsonNode body) {
		JsonNode content = body.path(msgtype);
		if ("text".equals(msgtype)) {
			return content.path("content").asString("");
		}
		JsonNode titled = "news".equals(msgtype) ? content.path("articles").path(0) : content;
		String title = titled.path("title").asString(null);
		if (title == null) {
			title = content.path("head_content").asString(null);
		}
		return "[" + msgtype + "]" + ((title != null) ? " " + title : "");
	}

	private static String key(String appId, String openid) {
		return appId + '|' + openid;
	}

}
