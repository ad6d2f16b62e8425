package io.wxhub.sandbox.conversation;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * The pages watching a chat: each gets the chat so far as one {@code history} event, then
 * every new line as an {@code entry} event, as server-sent events.
 * <p>
 * Publishing only queues: each page's events are written in order by a sender thread, so
 * a slow or stalled page never holds up the chat (whose lock publishing runs under) nor
 * the follower's push. A page more than {@value #MAX_PENDING} events behind is closed;
 * its browser reconnects and gets the history again.
 */
final class ConversationStream {

	/** How long one stream stays open; browsers reconnect and get the history again. */
	static final Duration TIMEOUT = Duration.ofMinutes(10);

	static final int MAX_PENDING = 1000;

	private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();

	private final ExecutorService senders = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "conversation-events");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param key the chat
	 * @param history its lines so far
	 * @return a stream that starts with them
	 */
	SseEmitter open(String key, List<ConversationEntry> history) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		List<Watcher> watching = this.watchers.computeIfAbsent(key, (ignored) -> new CopyOnWriteArrayList<>());
		Watcher watcher = new Watcher(emitter);
		emitter.onCompletion(() -> watching.remove(watcher));
		emitter.onTimeout(emitter::complete);
		emitter.onError((ex) -> watching.remove(watcher));
		watching.add(watcher);
		watcher.queue(SseEmitter.event().name("history").data(history));
		return emitter;
	}

	/**
	 * @param key the chat
	 * @param entry its new line
	 */
	void publish(String key, ConversationEntry entry) {
		List<Watcher> watching = this.watchers.get(key);
		if (watching != null) {
			watching.forEach((watcher) -> watcher.queue(SseEmitter.event().name("entry").data(entry)));
		}
	}

	/**
	 * Tells every page that the chat is now empty.
	 * @param key the chat, or {@code null} for all
	 */
	void cleared(String key) {
		this.watchers.forEach((watched, watching) -> {
			if (key == null || key.equals(watched)) {
				watching.forEach((watcher) -> watcher.queue(SseEmitter.event().name("history").data(List.of())));
			}
		});
	}

	/**
	 * Ends every stream, so that a graceful shutdown need not wait for the pages.
	 */
	void closeAll() {
		this.watchers.values().forEach((watching) -> watching.forEach((watcher) -> watcher.emitter.complete()));
		this.watchers.clear();
		this.senders.shutdown();
	}

	/** One page: its events in order, written by at most one sender at a time. */
	private final class Watcher {

		private final SseEmitter emitter;

		private final Queue<SseEventBuilder> pending = new ConcurrentLinkedQueue<>();

		private final AtomicInteger size = new AtomicInteger();

		private final AtomicBoolean sending = new AtomicBoolean();

		private volatile boolean closed;

		Watcher(SseEmitter emitter) {
			this.emitter = emitter;
		}

		void queue(SseEventBuilder event) {
			if (this.closed) {
				return;
			}
			if (this.size.incrementAndGet() > MAX_PENDING) {
				close(null);
				return;
			}
			this.pending.add(event);
			if (this.sending.compareAndSet(false, true)) {
				ConversationStream.this.senders.execute(this::drain);
			}
		}

		private void drain() {
			do {
				SseEventBuilder event;
				while (!this.closed && (event = this.pending.poll()) != null) {
					this.size.decrementAndGet();
					try {
						this.emitter.send(event);
					}
					catch (IOException | IllegalStateException ex) {
						// a page that went away is dropped
						close(ex);
					}
				}
				this.sending.set(false);
				// an event queued after the loop's last poll, before the flag was cleared
			}
			while (!this.closed && !this.pending.isEmpty() && this.sending.compareAndSet(false, true));
		}

		private void close(Exception failure) {
			this.closed = true;
			this.pending.clear();
			if (failure != null) {
				this.emitter.completeWithError(failure);
			}
			else {
				this.emitter.complete();
			}
		}

	}

}
