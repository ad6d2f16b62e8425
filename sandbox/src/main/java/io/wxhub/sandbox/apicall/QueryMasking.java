package io.wxhub.sandbox.apicall;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Masks the credentials in a query string: {@code access_token}, {@code secret},
 * {@code code}, {@code refresh_token} and any other parameter whose name ends with
 * {@code token} or {@code secret} keep their first {@value #SHOWN} characters, then
 * {@code …}. Other parameters ({@code openid}, {@code appid}…) stay as they came.
 */
final class QueryMasking {

	static final int SHOWN = 4;

	private QueryMasking() {
	}

	/**
	 * @param query a raw query string, possibly {@code null}
	 * @return the same with credentials masked, {@code null} for none
	 */
	static String mask(String query) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		StringJoiner masked = new StringJoiner("&");
		for (String pair : query.split("&", -1)) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			if (equals < 0 || !isCredential(decode(name))) {
				masked.add(pair);
				continue;
			}
			String value = decode(pair.substring(equals + 1));
			String kept = value.substring(0, Math.min(SHOWN, value.length() / 2));
			masked.add(name + "=" + URLEncoder.encode(kept, StandardCharsets.UTF_8) + "…");
		}
		return masked.toString();
	}

	static boolean isCredential(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.equals("code") || lower.endsWith("token") || lower.endsWith("secret");
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
