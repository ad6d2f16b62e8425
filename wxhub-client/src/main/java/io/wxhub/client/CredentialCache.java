package io.wxhub.client;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This JVM's tokens and tickets, per app and kind. It also remembers, per app, the access
 * token last reported as rejected: a read that was already under way when the report came
 * may still bring that token back, and it is not cached again.
 */
final class CredentialCache {

	private final Map<Key, Credential> credentials = new ConcurrentHashMap<>();

	private final Map<String, String> rejected = new ConcurrentHashMap<>();

	/** The cached credential while it is fresh, else null. */
	Credential fresh(Key key, Instant now) {
		Credential credential = this.credentials.get(key);
		return (credential != null && credential.freshAt(now)) ? credential : null;
	}

	/** Keeps what a read brought, unless it is the access token reported as rejected. */
	void read(Key key, Credential credential) {
		if (key.kind() == CredentialKind.ACCESS_TOKEN && credential.value().equals(this.rejected.get(key.appId()))) {
			return;
		}
		this.credentials.put(key, credential);
	}

	/** Drops the app's access token if it is {@code token}, which WeChat rejected. */
	void rejected(String appId, String token) {
		this.rejected.put(appId, token);
		this.credentials.computeIfPresent(new Key(appId, CredentialKind.ACCESS_TOKEN),
				(key, cached) -> cached.value().equals(token) ? null : cached);
	}

	/**
	 * Keeps the access token a compare-and-refresh answered, even the rejected one: then
	 * the token server found it alive after all.
	 */
	void refreshed(String appId, Credential credential) {
		this.rejected.remove(appId, credential.value());
		this.credentials.put(new Key(appId, CredentialKind.ACCESS_TOKEN), credential);
	}

	/**
	 * One cached credential.
	 *
	 * @param appId the app
	 * @param kind which of its credentials
	 */
	record Key(String appId, CredentialKind kind) {
	}

}
