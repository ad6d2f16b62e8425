package io.wxhub.tokenserver.token;

import java.util.Arrays;
import java.util.Optional;

/**
 * The credentials this server keeps per app. Each constant carries all that differs
 * between kinds, so a new kind is one more constant: refreshes, proactive checks, metrics
 * and the {@code /v1/apps/{appId}/<name>-ticket} read follow from it.
 */
public enum TokenKind {

	/** The access_token every WeChat API call needs. */
	ACCESS_TOKEN("access_token", null),
	/** The JS-SDK ticket ({@code getticket?type=jsapi}). */
	JSAPI_TICKET("jsapi_ticket", "jsapi"),
	/**
	 * The card ticket of the JS-SDK's card functions ({@code getticket?type=wx_card}).
	 */
	WX_CARD_TICKET("wx_card_ticket", "wx_card");

	private final String key;

	private final String ticketType;

	TokenKind(String key, String ticketType) {
		this.key = key;
		this.ticketType = ticketType;
	}

	/** The name used in Redis keys and metric tags. */
	public String key() {
		return this.key;
	}

	/**
	 * Whether this is a ticket of {@code /cgi-bin/ticket/getticket}: fetched with an
	 * access token, and kept fresh only once some caller has asked for it. Access tokens
	 * are fetched with the AppSecret, and kept fresh from the start.
	 */
	public boolean isTicket() {
		return this.ticketType != null;
	}

	/** The {@code type} parameter of {@code getticket}; null for the access token. */
	public String ticketType() {
		return this.ticketType;
	}

	/**
	 * The name of this ticket in {@code /v1/apps/{appId}/<name>-ticket}: the ticket type
	 * with {@code -} for {@code _} ({@code jsapi}, {@code wx-card}); null for the access
	 * token.
	 */
	public String ticketName() {
		return isTicket() ? this.ticketType.replace('_', '-') : null;
	}

	/**
	 * The ticket whose read is {@code /v1/apps/{appId}/<name>-ticket}.
	 * @param name the name in the path
	 * @return the kind, or empty when no ticket has that name
	 * @see #ticketName()
	 */
	public static Optional<TokenKind> ticketNamed(String name) {
		return Arrays.stream(values()).filter((kind) -> kind.isTicket() && kind.ticketName().equals(name)).findFirst();
	}

}
