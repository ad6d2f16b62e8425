package io.wxhub.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token server's URLs and the order each call tries them in: the
 * {@link ServerSelection}'s order, except that a URL that failed within the last
 * {@link #REST} goes last, so that a dead or unreachable replica costs one failed attempt
 * per {@link #REST} rather than one per call (a blackholed address would otherwise cost
 * each call a connect timeout).
 */
final class Replicas {

	/** How long a URL that failed is tried only after the others. */
	static final Duration REST = Duration.ofSeconds(30);

	private final List<URI> urls;

	private final ServerSelection selection;

	private final Clock clock;

	private final Map<URI, Instant> failedUntil = new ConcurrentHashMap<>();

	Replicas(List<URI> urls, ServerSelection selection, Clock clock) {
		this.urls = List.copyOf(urls);
		this.selection = selection;
		this.clock = clock;
	}

	/** The URLs one call tries, in order. */
	List<URI> forCall() {
		List<URI> order = this.selection.order(this.urls);
		if (this.failedUntil.isEmpty()) {
			return order;
		}
		Instant now = this.clock.instant();
		List<URI> resting = new ArrayList<>();
		List<URI> sorted = new ArrayList<>(order.size());
		for (URI url : order) {
			Instant until = this.failedUntil.get(url);
			((until != null && now.isBefore(until)) ? resting : sorted).add(url);
		}
		sorted.addAll(resting);
		return sorted;
	}

	/**
	 * Records that {@code url} failed.
	 * @return whether it had been fine until now (worth a warning)
	 */
	boolean failed(URI url) {
		Instant now = this.clock.instant();
		Instant previous = this.failedUntil.put(url, now.plus(REST));
		return previous == null || !now.isBefore(previous);
	}

	/** Records that {@code url} answered. */
	void answered(URI url) {
		if (!this.failedUntil.isEmpty()) {
			this.failedUntil.remove(url);
		}
	}

	/** A URL as it may be shown: without user information, query or fragment. */
	static String shown(URI url) {
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "")
				+ ((url.getRawPath() != null) ? url.getRawPath() : "");
	}

	@Override
	public String toString() {
		return this.urls.stream().map(Replicas::shown).toList().toString();
	}

}
