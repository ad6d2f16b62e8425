package io.wxhub.apiproxy.admission;

import java.util.concurrent.CompletionStage;

import io.wxhub.apiproxy.system.ApiProxyProperties.Client;

/** A client's call rate, shared by every replica. */
@FunctionalInterface
public interface RateLimit {

	/**
	 * Completes with true when the client may make one more call now, without holding the
	 * calling thread.
	 */
	CompletionStage<Boolean> tryAcquire(Client client);

}
