package io.wxhub.sandbox.quota;

/**
 * Today's use of one API path by one app.
 *
 * @param path the API path
 * @param dailyLimit the limit in force
 * @param used calls counted today
 * @param remain calls left today
 */
public record QuotaUsage(String path, long dailyLimit, long used, long remain) {

	static QuotaUsage of(String path, long dailyLimit, long used) {
		return new QuotaUsage(path, dailyLimit, used, Math.max(0, dailyLimit - used));
	}

}
