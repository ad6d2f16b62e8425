package io.wxhub.client.wxjava;

import java.util.Objects;

import io.wxhub.client.WxhubTokens;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.common.enums.TicketType;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * A WxJava {@link WxMpConfigStorage} whose access token and tickets come from wxhub's
 * token server: register it in place of {@code WxMpDefaultConfigImpl} (or a Redis-backed
 * storage), with any {@code WxMpService} implementation, and every WxJava API keeps
 * working without the AppSecret.
 * <p>
 * WxJava asks its storage whether the token has expired before each call and fetches a
 * new one from WeChat's {@code /cgi-bin/token} when it has. Here it never has: the
 * {@link WxhubTokens} client caches the token until the token server's expiry and fetches
 * the next one from the token server. When WeChat rejects a token (40001, 40014, 42001),
 * WxJava checks, under {@link #getAccessTokenLock()}, that the storage still holds the
 * token it sent, and if so calls {@link #expireAccessToken()}: that is where this storage
 * asks the token server to compare-and-refresh, before WxJava retries the call once, as
 * it always does.
 * <p>
 * {@code wxMpService.getAccessToken(true)} still makes WxJava call WeChat itself, with no
 * secret (WeChat refuses it): ask {@link WxhubTokens#refreshRejected} instead. Tickets
 * cannot be forced either: {@code getJsapiTicket(true)} answers the token server's
 * current ticket. The SDK ticket ({@link TicketType#SDK}) is not kept by the token
 * server.
 */
public class WxhubMpConfigStorage extends WxMpDefaultConfigImpl {

	private static final long serialVersionUID = 1L;

	private final transient WxhubTokens tokens;

	/**
	 * The token last handed to each thread: what WxJava sent when WeChat rejected it.
	 */
	private final transient ThreadLocal<String> handedOut = new ThreadLocal<>();

	/**
	 * A storage for one account.
	 * @param tokens the token server's client
	 * @param appId the account's AppID
	 */
	public WxhubMpConfigStorage(WxhubTokens tokens, String appId) {
		this.tokens = Objects.requireNonNull(tokens, "tokens");
		setAppId(Objects.requireNonNull(appId, "appId"));
	}

	@Override
	public String getAccessToken() {
		String token = this.tokens.accessToken(getAppId());
		this.handedOut.set(token);
		return token;
	}

	/** Never: the client refetches from the token server before the token expires. */
	@Override
	public boolean isAccessTokenExpired() {
		return false;
	}

	/**
	 * WeChat rejected the token this thread last read (WxJava has just checked, under the
	 * token lock, that it is still the current one): the token server refreshes it,
	 * unless another caller already had it replaced.
	 */
	@Override
	public void expireAccessToken() {
		String rejected = this.handedOut.get();
		this.handedOut.remove();
		if (rejected != null) {
			this.tokens.refreshRejected(getAppId(), rejected);
		}
	}

	/** Ignored: only the token server stores tokens. */
	@Override
	public synchronized void updateAccessToken(WxAccessToken accessToken) {
	}

	/** Ignored: only the token server stores tokens. */
	@Override
	public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
	}

	@Override
	public String getTicket(TicketType type) {
		return switch (type) {
			case JSAPI -> this.tokens.jsapiTicket(getAppId());
			case WX_CARD -> this.tokens.cardTicket(getAppId());
			case SDK -> throw new UnsupportedOperationException("The token server keeps no SDK ticket");
		};
	}

	/** Never: the client refetches from the token server before a ticket expires. */
	@Override
	public boolean isTicketExpired(TicketType type) {
		return false;
	}

	/** Ignored: the token server refreshes tickets before they expire. */
	@Override
	public void expireTicket(TicketType type) {
	}

	/** Ignored: only the token server stores tickets. */
	@Override
	public synchronized void updateTicket(TicketType type, String ticket, int expiresInSeconds) {
	}

	/** No secret: the token server holds it. */
	@Override
	public String getSecret() {
		return null;
	}

	/** The AppID and hosts only: never a token, a key or the client. */
	@Override
	public String toString() {
		return "WxhubMpConfigStorage[appId=" + getAppId() + ", hostConfig=" + describe() + "]";
	}

	private String describe() {
		return (getHostConfig() != null) ? getHostConfig().getApiHost() : "WeChat";
	}

}
