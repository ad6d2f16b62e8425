package io.wxhub.apiproxy.admission;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The caller's query split in two.
 *
 * @param presented the value of its {@code access_token} (the proxy token), or null
 * @param kept every other part, as it came, or null when none
 */
record CallerQuery(String presented, String kept) {

	static CallerQuery of(String rawQuery) {
		if (rawQuery == null) {
			return new CallerQuery(null, null);
		}
		String presented = null;
		StringBuilder kept = new StringBuilder(rawQuery.length());
		for (String part : rawQuery.split("&")) {
			if (part.startsWith("access_token=")) {
				presented = URLDecoder.decode(part.substring(13), StandardCharsets.UTF_8);
			}
			else if (!part.isEmpty()) {
				kept.append((kept.length() > 0) ? "&" : "").append(part);
			}
		}
		return new CallerQuery(presented, (kept.length() > 0) ? kept.toString() : null);
	}

}
