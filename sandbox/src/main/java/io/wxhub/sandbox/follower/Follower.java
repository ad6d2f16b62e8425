package io.wxhub.sandbox.follower;

import java.time.Instant;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.sandbox.wechat.WeChatErrors;

/**
 * A follower of one app as the sandbox knows them.
 *
 * @param openid the OpenID
 * @param nickname the name shown for them (their web-authorization profile's)
 * @param subscribed whether they follow the account now
 * @param subscribeTime when they last followed it
 * @param lastMessageAt when they last wrote to it, {@code null} if never
 * @param window the customer-service window of their latest interaction, {@code null} if
 * none
 */
public record Follower(String openid, String nickname, boolean subscribed, Instant subscribeTime, Instant lastMessageAt,
		Window window) {

	static Follower subscribedAt(String openid, String nickname, Instant at) {
		return new Follower(openid, nickname, true, at, null, null);
	}

	Follower named(String nickname) {
		return new Follower(this.openid, nickname, this.subscribed, this.subscribeTime, this.lastMessageAt,
				this.window);
	}

	/**
	 * @param at when they wrote
	 * @return this follower having written then, with the window that opens
	 */
	Follower wrote(Instant at) {
		return new Follower(this.openid, this.nickname, this.subscribed, this.subscribeTime, at,
				Interaction.MESSAGE.windowFrom(at));
	}

	/**
	 * A new interaction opens its window, unless the current one still has messages left
	 * and closes later.
	 * @param kind the interaction
	 * @param at when it happened
	 * @return this follower after it
	 */
	Follower interacted(Interaction kind, Instant at) {
		Window offered = kind.windowFrom(at);
		boolean keep = this.window != null && this.window.isUsableAt(at)
				&& this.window.closesAt().isAfter(offered.closesAt());
		Instant wroteAt = (kind != Interaction.MESSAGE
				|| (this.lastMessageAt != null && this.lastMessageAt.isAfter(at))) ? this.lastMessageAt : at;
		return new Follower(this.openid, this.nickname, this.subscribed, this.subscribeTime, wroteAt,
				keep ? this.window : offered);
	}

	Follower subscribed(boolean subscribed, Instant at) {
		if (subscribed == this.subscribed) {
			return this;
		}
		return subscribed ? new Follower(this.openid, this.nickname, true, at, this.lastMessageAt, this.window)
				: new Follower(this.openid, this.nickname, false, this.subscribeTime, this.lastMessageAt, null);
	}

	/**
	 * @param now the instant of sending
	 * @return this follower after one more customer-service message
	 * @throws WeChatException 45015 outside any window, 45047 once its messages are spent
	 */
	Follower spentAt(Instant now) {
		if (this.window == null || !this.window.isOpenAt(now)) {
			throw WeChatErrors.of(WeChatErrorCode.RESPONSE_OUT_OF_TIME_LIMIT);
		}
		if (!this.window.isUsableAt(now)) {
			throw WeChatErrors.of(WeChatErrorCode.OUT_OF_RESPONSE_COUNT_LIMIT);
		}
		return new Follower(this.openid, this.nickname, this.subscribed, this.subscribeTime, this.lastMessageAt,
				this.window.spent());
	}

	/**
	 * The customer-service messages one interaction allows.
	 *
	 * @param trigger the interaction that opened it
	 * @param openedAt when it opened
	 * @param closesAt when it closes
	 * @param remaining messages left, {@code null} for no limit
	 */
	public record Window(Interaction trigger, Instant openedAt, Instant closesAt, Integer remaining) {

		/**
		 * @param now an instant
		 * @return whether the window is still open then
		 */
		public boolean isOpenAt(Instant now) {
			return now.isBefore(this.closesAt);
		}

		/**
		 * @param now an instant
		 * @return whether a message can be sent in it then
		 */
		public boolean isUsableAt(Instant now) {
			return isOpenAt(now) && (this.remaining == null || this.remaining > 0);
		}

		Window spent() {
			return new Window(this.trigger, this.openedAt, this.closesAt,
					(this.remaining != null) ? this.remaining - 1 : null);
		}

	}

}
