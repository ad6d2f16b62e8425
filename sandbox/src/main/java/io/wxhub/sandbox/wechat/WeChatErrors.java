package io.wxhub.sandbox.wechat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * WeChat's errcode → errmsg table, with the request-id suffix WeChat appends to most
 * messages ({@code " rid: 60fa6713-49187ba1-7a8cf8a7"}, sometimes after a comma).
 */
public final class WeChatErrors {

	private static final Map<Integer, Entry> ENTRIES = Map.ofEntries(entry(-1, "system error", Rid.NONE),
			entry(0, "ok", Rid.NONE),
			entry(40001, "invalid credential, access_token is invalid or not latest", Rid.SPACE),
			entry(40002, "invalid grant_type", Rid.SPACE), entry(40003, "invalid openid", Rid.SPACE),
			entry(40004, "invalid media type", Rid.NONE), entry(40007, "invalid media_id", Rid.NONE),
			entry(40008, "invalid message type", Rid.SPACE), entry(40013, "invalid appid", Rid.NONE),
			entry(40014, "invalid access_token", Rid.SPACE), entry(40016, "invalid button size", Rid.SPACE),
			entry(40017, "invalid button type", Rid.SPACE), entry(40018, "invalid button name size", Rid.NONE),
			entry(40019, "invalid button key size", Rid.SPACE), entry(40020, "invalid button url size", Rid.SPACE),
			entry(40022, "invalid sub_menu level", Rid.SPACE), entry(40023, "invalid sub button size", Rid.SPACE),
			entry(40033, "invalid charset. please check your request, if include \\uxxxx will create fail!", Rid.SPACE),
			entry(40037, "invalid template_id", Rid.SPACE), entry(40053, "invalid action info", Rid.SPACE),
			entry(40097, "invalid args", Rid.SPACE), entry(40125, "invalid appsecret", Rid.COMMA),
			entry(40164, "invalid ip, not in whitelist", Rid.SPACE), entry(41001, "access_token missing", Rid.SPACE),
			entry(41002, "appid missing", Rid.SPACE), entry(41004, "appsecret missing", Rid.SPACE),
			entry(41005, "media data missing", Rid.SPACE), entry(41006, "media_id missing", Rid.SPACE),
			entry(42001, "access_token expired", Rid.SPACE), entry(43001, "require GET method", Rid.SPACE),
			entry(43002, "require POST method", Rid.SPACE), entry(43004, "require subscribe", Rid.SPACE),
			entry(44001, "empty media data", Rid.SPACE), entry(44002, "empty post data", Rid.SPACE),
			entry(44003, "empty news data", Rid.SPACE), entry(44004, "empty content", Rid.SPACE),
			entry(45001, "media size out of limit", Rid.SPACE), entry(45002, "content size out of limit", Rid.SPACE),
			entry(45008, "article size out of limit", Rid.SPACE),
			entry(45009, "reach max api daily quota limit", Rid.SPACE), entry(45010, "create menu limit", Rid.SPACE),
			entry(45011, "api minute-quota reach limit, must slower, retry next minute", Rid.SPACE),
			entry(45015, "response out of time limit or subscription is canceled", Rid.SPACE),
			entry(45047, "out of response count limit", Rid.SPACE), entry(46001, "media data no exist", Rid.SPACE),
			entry(46003, "menu no exist", Rid.SPACE), entry(46004, "user no exist", Rid.SPACE),
			entry(47001, "data format error", Rid.SPACE), entry(47003, "argument invalid!", Rid.SPACE),
			entry(48001, "api unauthorized", Rid.COMMA), entry(48002, "user block receive message", Rid.SPACE),
			entry(48004, "api forbidden for irregularities", Rid.SPACE),
			entry(48006, "forbid to clear quota because of reaching the limit", Rid.NONE),
			entry(50001, "api unauthorized or user unauthorized", Rid.SPACE), entry(50002, "user limited", Rid.SPACE),
			entry(50005, "user is unsubscribed", Rid.SPACE),
			entry(76003, "invalid cgi_path, it must start with /", Rid.SPACE),
			entry(76021, "cgi_path not found, please check", Rid.SPACE),
			entry(76022, "cgi_path not supported", Rid.SPACE));

	private WeChatErrors() {
	}

	/**
	 * WeChat's message for an errcode, with a fresh request id where WeChat adds one.
	 * @param errcode the errcode
	 * @return the errmsg
	 */
	public static String errmsg(int errcode) {
		Entry entry = ENTRIES.getOrDefault(errcode, new Entry("unknown error", Rid.SPACE));
		return entry.rid().append(entry.text());
	}

	/**
	 * The 40164 message, which names the caller's address twice.
	 * @param ip the caller's address as the server saw it
	 * @return the errmsg
	 */
	public static String invalidIp(String ip) {
		String ipv6 = ip.contains(":") ? ip : "::ffff:" + ip;
		return Rid.SPACE.append("invalid ip " + ip + " ipv6 " + ipv6 + ", not in whitelist");
	}

	/**
	 * The 45009 message of {@code /cgi-bin/token}, which points to {@code stable_token}.
	 * @return the errmsg
	 */
	public static String tokenQuotaReached() {
		return Rid.SPACE.append("reach max api daily quota limit, could get access_token by getStableAccessToken, "
				+ "more details at https://mmbizurl.cn/s/JtxxFh33r");
	}

	private static Map.Entry<Integer, Entry> entry(int errcode, String text, Rid rid) {
		return Map.entry(errcode, new Entry(text, rid));
	}

	private record Entry(String text, Rid rid) {
	}

	private enum Rid {

		NONE(null), SPACE(" rid: "), COMMA(", rid: ");

		private final String separator;

		Rid(String separator) {
			this.separator = separator;
		}

		String append(String text) {
			if (this.separator == null) {
				return text;
			}
			ThreadLocalRandom random = ThreadLocalRandom.current();
			return text + this.separator
					+ "%08x-%08x-%08x".formatted(Instant.now().getEpochSecond(), random.nextInt(), random.nextInt());
		}

	}

}
