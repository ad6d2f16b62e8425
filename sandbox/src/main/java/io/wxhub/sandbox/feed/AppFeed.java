package io.wxhub.sandbox.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The latest entries of something that happens per app (pushes, API calls), newest first,
 * and the pages watching them as server-sent events: a {@code history} event with the
 * entries so far, then one {@code entry} event per new one; {@code history} with an empty
 * list when the feed is cleared. Events go out on one thread of their own, in order, so
 * that whoever adds an entry never waits for a page, and no event is written while a lock
 * of the caller is held. A page may see an entry twice (in its history and as an event)
 * and should key entries by their id.
 *
 * @param <T> the entry type
 */
public final class AppFeed<T> {

	/** How long one stream stays open; browsers reconnect and get the history again. */
	static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final int kept;

	private final Map<String, Deque<T>> entries = new ConcurrentHashMap<>();

	private final List<Watcher<T>> watchers = new CopyOnWriteArrayList<>();

	private final ExecutorService sender;

	/**
	 * @param name names the sending thread
	 * @param kept how many entries are kept per app; older ones are dropped
	 */
	public AppFeed(String name, int kept) {
		this.kept = kept;
		this.sender = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "sandbox-feed-" + name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * @param appId the app
	 * @param entry what happened
	 */
	public void add(String appId, T entry) {
		Deque<T> recent = this.entries.computeIfAbsent(appId, (key) -> new ArrayDeque<>());
		synchronized (recent) {
			recent.addFirst(entry);
			if (recent.size() > this.kept) {
				recent.removeLast();
			}
		}
		submit(() -> this.watchers.stream()
			.filter((watcher) -> watcher.wants(appId, entry))
			.forEach((watcher) -> send(watcher, SseEmitter.event().name("entry").data(entry))));
	}

	/**
	 * @param appId the app
	 * @param filter which entries
	 * @param limit at most this many
	 * @return the latest matching entries, newest first
	 */
	public List<T> latest(String appId, Predicate<T> filter, int limit) {
		Deque<T> recent = this.entries.get(appId);
		if (recent == null) {
			return List.of();
		}
		synchronized (recent) {
			return recent.stream().filter(filter).limit(limit).toList();
		}
	}

	/**
	 * @param appId the app
	 * @param filter which entries the page wants
	 * @return server-sent events: the matching entries so far, then each new one
	 */
	public SseEmitter watch(String appId, Predicate<T> filter) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Watcher<T> watcher = new Watcher<>(appId, filter, emitter);
		emitter.onCompletion(() -> this.watchers.remove(watcher));
		emitter.onTimeout(emitter::complete);
		emitter.onError((ex) -> this.watchers.remove(watcher));
		submit(() -> {
			if (send(watcher, SseEmitter.event().name("history").data(latest(appId, filter, this.kept)))) {
				this.watchers.add(watcher);
			}
		});
		return emitter;
	}

	/**
	 * Forgets every entry and tells every page.
	 */
	public void clear() {
		this.entries.clear();
		submit(() -> this.watchers
			.forEach((watcher) -> send(watcher, SseEmitter.event().name("history").data(List.of()))));
	}

	/**
	 * Ends every stream and the sending thread, so that a graceful shutdown need not wait
	 * for the pages.
	 */
	public void close() {
		this.sender.shutdown();
		this.watchers.forEach((watcher) -> watcher.emitter().complete());
		this.watchers.clear();
	}

	private void submit(Runnable task) {
		try {
			this.sender.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the pages are gone
		}
	}

	// a page that went away is dropped
	private boolean send(Watcher<T> watcher, SseEmitter.SseEventBuilder event) {
		try {
			watcher.emitter().send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			this.watchers.remove(watcher);
			watcher.emitter().completeWithError(ex);
			return false;
		}
	}

	private record Watcher<T>(String appId, Predicate<T> filter, SseEmitter emitter) {

		boolean wants(String appId, T entry) {
			return this.appId.equals(appId) && this.filter.test(entry);
		}

	}

}
