package io.wxhub.sandbox.media;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.wxhub.sandbox.system.SandboxState;

import org.springframework.stereotype.Component;

/**
 * Temporary media in memory: each file lives 3 days (sandbox clock); past 200 MB in all,
 * the oldest files are dropped first.
 */
@Component
public class MediaStore implements SandboxState {

	/** How long WeChat keeps temporary media. */
	public static final Duration LIFETIME = Duration.ofDays(3);

	private static final long CAPACITY = 200L * 1024 * 1024;

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

	private static final int ID_LENGTH = 64;

	private final Map<String, Media> media = new LinkedHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private long size;

	public MediaStore(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param appId the app uploading
	 * @param kind the media type
	 * @param filename the upload's file name, possibly {@code null}
	 * @param contentType the upload's Content-Type
	 * @param content the bytes
	 * @return the stored media with a new {@code media_id}
	 */
	public synchronized Media put(String appId, MediaKind kind, String filename, String contentType, byte[] content) {
		Instant now = this.clock.instant();
		// oldest first, so expired media come first too
		Iterator<Media> oldestFirst = this.media.values().iterator();
		while (oldestFirst.hasNext()) {
			Media oldest = oldestFirst.next();
			if (now.isBefore(expiry(oldest)) && this.size + content.length <= CAPACITY) {
				break;
			}
			this.size -= oldest.content().length;
			oldestFirst.remove();
		}
		Media stored = new Media(newId(), appId, kind, filename, contentType, content, now);
		this.media.put(stored.mediaId(), stored);
		this.size += content.length;
		return stored;
	}

	/**
	 * @param appId the app asking
	 * @param mediaId a {@code media_id}, possibly {@code null}
	 * @return the media, when it is this app's and has not expired
	 */
	public Optional<Media> find(String appId, String mediaId) {
		return find(mediaId).filter((found) -> found.appId().equals(appId));
	}

	/**
	 * @param mediaId a {@code media_id} of any app, possibly {@code null}
	 * @return the media, when it has not expired
	 */
	public synchronized Optional<Media> find(String mediaId) {
		Media found = (mediaId != null) ? this.media.get(mediaId) : null;
		return Optional.ofNullable(found).filter((candidate) -> this.clock.instant().isBefore(expiry(candidate)));
	}

	@Override
	public synchronized void reset() {
		this.media.clear();
		this.size = 0;
	}

	private static Instant expiry(Media media) {
		return media.createdAt().plus(LIFETIME);
	}

	private String newId() {
		StringBuilder id = new StringBuilder(ID_LENGTH);
		while (id.length() < ID_LENGTH) {
			id.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

}
