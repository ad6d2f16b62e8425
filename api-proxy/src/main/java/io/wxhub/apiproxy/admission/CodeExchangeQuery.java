package io.wxhub.apiproxy.admission;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The query of WeChat's web authorization code exchange
 * ({@code /sns/oauth2/access_token}), as an SDK sends it: the client key in place of the
 * AppSecret. Each value is URL-decoded; null when absent or not decodable.
 *
 * @param grantType {@code grant_type}, {@code authorization_code} when well formed
 * @param appId {@code appid}
 * @param clientKey {@code secret}: the proxy client key
 * @param code {@code code}
 */
public record CodeExchangeQuery(String grantType, String appId, String clientKey, String code) {

	/** The parameters of a raw query; the first of each name counts. */
	public static CodeExchangeQuery of(String rawQuery) {
		String grantType = null;
		String appId = null;
		String clientKey = null;
		String code = null;
		for (String part : (rawQuery != null) ? rawQuery.split("&") : new String[0]) {
			int equals = part.indexOf('=');
			String name = (equals < 0) ? part : part.substring(0, equals);
			String value = (equals < 0) ? "" : decode(part.substring(equals + 1));
			switch (name) {
				case "grant_type" -> grantType = (grantType != null) ? grantType : value;
				case "appid" -> appId = (appId != null) ? appId : value;
				case "secret" -> clientKey = (clientKey != null) ? clientKey : value;
				case "code" -> code = (code != null) ? code : value;
				default -> {
				}
			}
		}
		return new CodeExchangeQuery(grantType, appId, clientKey, code);
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "CodeExchangeQuery[grantType=" + this.grantType + ", appId=" + this.appId + ", clientKey=***, code=***]";
	}

}
