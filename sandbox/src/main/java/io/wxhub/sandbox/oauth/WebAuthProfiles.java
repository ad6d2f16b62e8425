package io.wxhub.sandbox.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.follower.Follower;
import io.wxhub.sandbox.follower.FollowerRegistry;
import io.wxhub.sandbox.system.SandboxProperties.Account;

import org.springframework.stereotype.Component;

/**
 * The profiles of an app's followers (current and former), derived from what the sandbox
 * knows of them: their nickname in the follower registry, and a UnionID when the account
 * is bound to an Open Platform account.
 */
@Component
public class WebAuthProfiles {

	private final AccountRegistry accounts;

	private final FollowerRegistry followers;

	public WebAuthProfiles(AccountRegistry accounts, FollowerRegistry followers) {
		this.accounts = accounts;
		this.followers = followers;
	}

	/**
	 * @param appId a configured app
	 * @return the profiles of all its followers, in the order they were added
	 */
	public List<FollowerProfile> all(String appId) {
		Account account = this.accounts.require(appId);
		List<Follower> known = this.followers.followers(appId);
		List<FollowerProfile> profiles = new ArrayList<>(known.size());
		for (Follower follower : known) {
			profiles.add(new FollowerProfile(appId, follower.openid(), follower.nickname(), follower.subscribed(),
					unionid(account, follower.openid())));
		}
		return profiles;
	}

	/**
	 * @param appId a configured app
	 * @param openid an OpenID, possibly {@code null}
	 * @return the follower's profile, if the app knows them
	 */
	public Optional<FollowerProfile> find(String appId, String openid) {
		return all(appId).stream().filter((profile) -> profile.openid().equals(openid)).findFirst();
	}

	/**
	 * The follower signed in to WeChat when none is named: the first who follows the
	 * account (demo follower #1), else the first at all.
	 * @param appId a configured app
	 * @return the follower, empty when the app has none
	 */
	public Optional<FollowerProfile> signedIn(String appId) {
		List<FollowerProfile> all = all(appId);
		return all.stream().filter(FollowerProfile::subscribed).findFirst().or(() -> all.stream().findFirst());
	}

	// stable per follower; the sandbox does not model one person following two accounts
	private static String unionid(Account account, String openid) {
		String platform = account.openPlatformAccount();
		if (platform == null || platform.isBlank()) {
			return null;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("unionid#" + platform + "#" + account.appId() + "#" + openid)
					.getBytes(StandardCharsets.UTF_8));
			return "o" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
