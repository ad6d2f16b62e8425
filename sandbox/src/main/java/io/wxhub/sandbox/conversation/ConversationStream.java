package io.wxhub.sandbox.conversation;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The pages watching a chat: each gets the chat so far as one {@code history} event, then
 * every new line as an {@code entry} event, as server-sent events.
 */
final class ConversationStream {

	/** How long one stream stays open; browsers reconnect and get the history again. */
	static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final Map<String, List<SseEmitter>> watchers = new ConcurrentHashMap<>();

	/**
	 * @param key the chat
	 * @param history its lines so far
	 * @return a stream that starts with them
	 */
	SseEmitter open(String key, List<ConversationEntry> history) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		List<SseEmitter> watching = this.watchers.computeIfAbsent(key, (ignored) -> new CopyOnWriteArrayList<>());
		emitter.onCompletion(() -> watching.remove(emitter));
		emitter.onTimeout(emitter::complete);
		emitter.onError((ex) -> watching.remove(emitter));
		if (send(emitter, SseEmitter.event().name("history").data(history))) {
			watching.add(emitter);
		}
		return emitter;
	}

	/**
	 * @param key the chat
	 * @param entry its new line
	 */
	void publish(String key, ConversationEntry entry) {
		List<SseEmitter> watching = this.watchers.get(key);
		if (watching == null) {
			return;
		}
		for (SseEmitter emitter : watching) {
			if (!send(emitter, SseEmitter.event().name("entry").data(entry))) {
				watching.remove(emitter);
			}
		}
	}

	/**
	 * Tells every page that the chat is now empty.
	 * @param key the chat, or {@code null} for all
	 */
	void cleared(String key) {
		this.watchers.forEach((watched, watching) -> {
			if (key == null || key.equals(watched)) {
				for (SseEmitter emitter : watching) {
					send(emitter, SseEmitter.event().name("history").data(List.of()));
				}
			}
		});
	}

	/**
	 * Ends every stream, so that a graceful shutdown need not wait for the pages.
	 */
	void closeAll() {
		this.watchers.values().forEach((watching) -> watching.forEach(SseEmitter::complete));
		this.watchers.clear();
	}

	// a page that went away is dropped
	private static boolean send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
			return false;
		}
	}

}
