package io.wxhub.sandbox.follower;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The followers every configured app starts with, numbered from 1: #1 follows and wrote
 * at start (its 48 h window is open), #2 follows but never wrote, #3 no longer follows.
 * All of them followed 30 days before start. Followers are named by their place in the
 * list unless given a name: 小明, 小红, 小刚, 小丽, 小强, 小芳, then 粉丝7, 粉丝8…
 */
public final class DemoFollowers {

	/** How many demo followers each app has. */
	public static final int COUNT = 3;

	private static final Duration FOLLOWING_FOR = Duration.ofDays(30);

	private static final List<String> NICKNAMES = List.of("小明", "小红", "小刚", "小丽", "小强", "小芳");

	private DemoFollowers() {
	}

	/**
	 * The OpenID of a numbered follower: {@code "o"} and the first 27 characters of the
	 * unpadded base64url SHA-256 of {@code appId + "#" + index}.
	 * @param appId the app
	 * @param index the follower's number, from 1
	 * @return the OpenID, 28 characters
	 */
	public static String openid(String appId, int index) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((appId + "#" + index).getBytes(StandardCharsets.UTF_8));
			return "o" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param position a follower's place in an app's list, from 0
	 * @return the nickname of a follower not given one
	 */
	static String nickname(int position) {
		return (position < NICKNAMES.size()) ? NICKNAMES.get(position) : "粉丝" + (position + 1);
	}

	static List<Follower> of(String appId, Instant now) {
		Instant followedAt = now.minus(FOLLOWING_FOR);
		return List.of(Follower.subscribedAt(openid(appId, 1), nickname(0), followedAt).wrote(now),
				Follower.subscribedAt(openid(appId, 2), nickname(1), followedAt),
				Follower.subscribedAt(openid(appId, 3), nickname(2), followedAt).subscribed(false, now));
	}

}
