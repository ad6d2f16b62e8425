package io.wxhub.sandbox.follower;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.system.SandboxProperties.Account;
import io.wxhub.sandbox.system.SandboxState;
import io.wxhub.sandbox.wechat.WeChatErrors;

import org.springframework.stereotype.Component;

/**
 * The followers of each app, in the order they were added, starting (and restarting on
 * reset) with the {@link DemoFollowers}. Followers added without an OpenID continue their
 * numbering.
 */
@Component
public class FollowerRegistry implements SandboxState {

	private final Map<String, AppFollowers> apps = new ConcurrentHashMap<>();

	private final AccountRegistry accounts;

	private final Clock clock;

	public FollowerRegistry(AccountRegistry accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
		reset();
	}

	/**
	 * @param appId the app
	 * @return its followers, current or former, in the order they were added
	 */
	public List<Follower> followers(String appId) {
		AppFollowers app = app(appId);
		synchronized (app) {
			return List.copyOf(app.followers.values());
		}
	}

	/**
	 * @param appId the app
	 * @param openid an OpenID, possibly {@code null}
	 * @return the follower, current or former
	 */
	public Optional<Follower> find(String appId, String openid) {
		AppFollowers app = app(appId);
		synchronized (app) {
			return Optional.ofNullable((openid != null) ? app.followers.get(openid) : null);
		}
	}

	/**
	 * @param appId the app
	 * @param openid an OpenID, possibly {@code null}
	 * @return the follower, current or former
	 * @throws WeChatException 40003 when the app never had this follower
	 */
	public Follower require(String appId, String openid) {
		return find(appId, openid).orElseThrow(() -> WeChatErrors.of(WeChatErrorCode.INVALID_OPENID));
	}

	/**
	 * @param appId the app
	 * @param openid an OpenID, possibly {@code null}
	 * @return the follower
	 * @throws WeChatException 40003 when unknown, 43004 when no longer following
	 */
	public Follower requireSubscribed(String appId, String openid) {
		Follower follower = require(appId, openid);
		if (!follower.subscribed()) {
			throw WeChatErrors.of(WeChatErrorCode.REQUIRE_SUBSCRIBE);
		}
		return follower;
	}

	/**
	 * Records what a follower did (for the push side): an unknown OpenID becomes a new
	 * follower, {@link Interaction#SUBSCRIBE} makes a former one follow again, and the
	 * interaction opens its customer-service window.
	 * @param appId the app, which must be configured
	 * @param openid the follower
	 * @param kind what they did
	 * @param at when
	 * @return the follower afterwards
	 */
	public Follower recordInteraction(String appId, String openid, Interaction kind, Instant at) {
		return update(appId, openid, at, (follower) -> {
			Follower current = (kind == Interaction.SUBSCRIBE) ? follower.subscribed(true, at) : follower;
			return current.interacted(kind, at);
		});
	}

	/**
	 * Creates or changes a follower, as {@code POST /sandbox/apps/{appId}/followers}.
	 * @param appId the app
	 * @param openid the OpenID, or {@code null} for the next numbered follower
	 * @param lastMessageAt when they last wrote, which opens a 48 h window from then;
	 * {@code null} to leave it
	 * @param subscribed whether they follow now; {@code null} to leave it (new followers
	 * follow)
	 * @return the follower afterwards
	 */
	public Follower save(String appId, String openid, Instant lastMessageAt, Boolean subscribed) {
		return save(appId, openid, null, lastMessageAt, subscribed);
	}

	/**
	 * Creates or changes a follower, as {@code POST /sandbox/apps/{appId}/followers}.
	 * @param appId the app
	 * @param openid the OpenID, or {@code null} for the next numbered follower
	 * @param nickname their new nickname; {@code null} to leave it (new followers are
	 * named by their place in the list)
	 * @param lastMessageAt when they last wrote, which opens a 48 h window from then;
	 * {@code null} to leave it
	 * @param subscribed whether they follow now; {@code null} to leave it (new followers
	 * follow)
	 * @return the follower afterwards
	 */
	public Follower save(String appId, String openid, String nickname, Instant lastMessageAt, Boolean subscribed) {
		Instant now = this.clock.instant();
		return update(appId, openid, now, (follower) -> {
			Follower named = (nickname != null) ? follower.named(nickname) : follower;
			Follower changed = (subscribed != null) ? named.subscribed(subscribed, now) : named;
			return (lastMessageAt != null) ? changed.wrote(lastMessageAt) : changed;
		});
	}

	/**
	 * Spends one message of the follower's customer-service window.
	 * @param appId the app
	 * @param openid the recipient
	 * @param now the instant of sending
	 * @throws WeChatException 40003, 43004, 45015 outside any window, 45047 once the
	 * window's messages are spent
	 */
	public void spendCustomMessage(String appId, String openid, Instant now) {
		AppFollowers app = app(appId);
		synchronized (app) {
			app.followers.put(openid, requireSubscribed(appId, openid).spentAt(now));
		}
	}

	@Override
	public void reset() {
		Instant now = this.clock.instant();
		// replaced app by app, never cleared: the accounts are fixed
		for (Account account : this.accounts.all()) {
			AppFollowers app = new AppFollowers();
			DemoFollowers.of(account.appId(), now)
				.forEach((follower) -> app.followers.put(follower.openid(), follower));
			app.lastIndex = DemoFollowers.COUNT;
			this.apps.put(account.appId(), app);
		}
	}

	private Follower update(String appId, String openid, Instant now, UnaryOperator<Follower> change) {
		AppFollowers app = app(appId);
		synchronized (app) {
			String id = (openid != null && !openid.isBlank()) ? openid : DemoFollowers.openid(appId, ++app.lastIndex);
			Follower follower = app.followers.get(id);
			if (follower == null) {
				follower = Follower.subscribedAt(id, DemoFollowers.nickname(app.followers.size()), now);
			}
			Follower changed = change.apply(follower);
			app.followers.put(id, changed);
			return changed;
		}
	}

	private AppFollowers app(String appId) {
		this.accounts.require(appId);
		return this.apps.get(appId);
	}

	private static final class AppFollowers {

		private final Map<String, Follower> followers = new LinkedHashMap<>();

		private int lastIndex;

	}

}
