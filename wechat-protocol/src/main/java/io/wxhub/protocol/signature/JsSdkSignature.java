package io.wxhub.protocol.signature;

import java.util.Objects;

/**
 * The {@code signature} passed to {@code wx.config} by pages that use the JS-SDK.
 */
public final class JsSdkSignature {

	private JsSdkSignature() {
	}

	/**
	 * Sign a page URL with a jsapi_ticket.
	 * @param jsapiTicket the ticket from {@code /cgi-bin/ticket/getticket}
	 * @param nonceStr the nonce that the page also passes as {@code nonceStr}
	 * @param timestamp the epoch seconds that the page also passes as {@code timestamp}
	 * @param url the full page URL; any {@code #fragment} is removed first
	 * @return the lowercase hex SHA-1 signature
	 */
	public static String sign(String jsapiTicket, String nonceStr, long timestamp, String url) {
		Objects.requireNonNull(jsapiTicket, "jsapiTicket must not be null");
		Objects.requireNonNull(nonceStr, "nonceStr must not be null");
		Objects.requireNonNull(url, "url must not be null");
		int hash = url.indexOf('#');
		String page = (hash >= 0) ? url.substring(0, hash) : url;
		// Fields in ASCII order of their names; values raw, not URL-encoded.
		return Sha1
			.hex("jsapi_ticket=" + jsapiTicket + "&noncestr=" + nonceStr + "&timestamp=" + timestamp + "&url=" + page);
	}

}
