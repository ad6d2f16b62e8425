package io.wxhub.client;

/**
 * What the client measures; nothing unless a Micrometer registry is given
 * ({@link MicrometerClientMetrics}). Kept free of Micrometer's types, so that the client
 * runs without Micrometer on the class path.
 */
interface ClientMetrics {

	/** Measures nothing. */
	ClientMetrics NONE = new ClientMetrics() {
	};

	/**
	 * The metrics of {@code registry}, a Micrometer {@code MeterRegistry}; none for null.
	 */
	static ClientMetrics of(Object registry) {
		return (registry != null) ? MicrometerClientMetrics.of(registry) : NONE;
	}

	/**
	 * The outcome tag of a request that ended with {@code failure} (null: success):
	 * {@code success}, {@code refused} (4xx), {@code unavailable} (503: no valid
	 * credential now), or {@code failed} (no token server answered).
	 */
	static String outcome(Throwable failure) {
		if (failure == null) {
			return "success";
		}
		int status = (failure instanceof WxhubTokenException refusal) ? refusal.status() : 0;
		if (status >= 400 && status < 500) {
			return "refused";
		}
		return (status == 503) ? "unavailable" : "failed";
	}

	/**
	 * A request to the token server ended, after {@code nanos}, however many URLs it
	 * tried.
	 */
	default void request(String kind, String outcome, long nanos) {
	}

	/** A request moved on to the next URL. */
	default void failover(String kind) {
	}

	/**
	 * A read was answered from the cache ({@code hit}) or had to ask the token server.
	 */
	default void cacheGet(CredentialKind kind, boolean hit) {
	}

}
