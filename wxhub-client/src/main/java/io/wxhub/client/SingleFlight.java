package io.wxhub.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * At most one piece of work in flight per key: whoever asks while it runs joins it and
 * gets its result. The work's own completion stages (such as caching its result) have run
 * before a later caller can start new work for the key.
 *
 * @param <K> the key
 * @param <V> the result
 */
final class SingleFlight<K, V> {

	private final ConcurrentMap<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();

	/**
	 * The running work for {@code key}, or the work {@code start} begins when none runs.
	 */
	CompletableFuture<V> join(K key, Supplier<CompletableFuture<V>> start) {
		CompletableFuture<V> mine = new CompletableFuture<>();
		CompletableFuture<V> running = this.flights.putIfAbsent(key, mine);
		if (running != null) {
			return running;
		}
		CompletableFuture<V> work;
		try {
			work = start.get();
		}
		catch (RuntimeException ex) {
			work = CompletableFuture.failedFuture(ex);
		}
		work.whenComplete((value, failure) -> {
			this.flights.remove(key, mine);
			if (failure != null) {
				mine.completeExceptionally((failure instanceof CompletionException && failure.getCause() != null)
						? failure.getCause() : failure);
			}
			else {
				mine.complete(value);
			}
		});
		return mine;
	}

}
