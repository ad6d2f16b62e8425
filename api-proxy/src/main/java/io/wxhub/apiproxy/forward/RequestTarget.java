package io.wxhub.apiproxy.forward;

/**
 * The path and query of a request line's target, raw (not decoded), in origin form
 * ({@code /path?query}) or absolute form ({@code http://host/path?query}).
 *
 * @param rawPath the path; empty when the target has none
 * @param rawQuery the query, or null
 */
record RequestTarget(String rawPath, String rawQuery) {

	static RequestTarget of(String target) {
		int start = 0;
		if (!target.startsWith("/")) {
			int scheme = target.indexOf("://");
			start = (scheme < 0) ? target.length() : target.indexOf('/', scheme + 3);
			if (start < 0) {
				start = target.length();
			}
		}
		int query = target.indexOf('?', start);
		int fragment = target.indexOf('#', start);
		int end = (query >= 0) ? query : ((fragment >= 0) ? fragment : target.length());
		String rawQuery = null;
		if (query >= 0) {
			int queryEnd = (fragment > query) ? fragment : target.length();
			rawQuery = target.substring(query + 1, queryEnd);
		}
		return new RequestTarget(target.substring(start, end), rawQuery);
	}

}
