package io.wxhub.apiproxy.forward;

import java.util.List;
import java.util.regex.Pattern;

import io.wxhub.apiproxy.system.ApiProxyProperties;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * Which paths are forwarded at all, and which a client may call. WeChat's API paths are
 * plain ASCII words and slashes, so anything else (dot segments, encoded characters,
 * doubled slashes, matrix parameters) is refused before any other check.
 */
@Component
class PathRules {

	private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9_\\-]+)+(\\.[A-Za-z0-9]+)?/?");

	private final AntPathMatcher matcher = new AntPathMatcher();

	private final List<String> forwardedPrefixes;

	PathRules(ApiProxyProperties properties) {
		this.forwardedPrefixes = properties.forwardedPrefixes();
	}

	/**
	 * The path to forward; a {@link ProxyProblem} when it is malformed or not forwarded.
	 */
	String checkForwardable(String rawPath) {
		if (!PLAIN_PATH.matcher(rawPath).matches()) {
			throw new ProxyProblem(HttpStatus.BAD_REQUEST, "bad-path", "Malformed API path",
					"The path must consist of plain segments");
		}
		if (this.forwardedPrefixes.stream().noneMatch(rawPath::startsWith)) {
			throw new ProxyProblem(HttpStatus.NOT_FOUND, "not-forwarded", "Not a forwarded API",
					"Only paths under " + this.forwardedPrefixes + " are forwarded");
		}
		return rawPath;
	}

	/** True when one of the client's globs matches the path. */
	boolean allowed(List<String> globs, String path) {
		return globs.stream().anyMatch((glob) -> this.matcher.match(glob, path));
	}

}
