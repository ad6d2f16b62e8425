package io.wxhub.apiproxy.admission;

import java.util.List;

import io.wxhub.apiproxy.system.ApiProxyProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * Which paths are forwarded at all, and which a client may call. WeChat's API paths are
 * plain ASCII words and slashes, so anything else (dot segments, encoded characters,
 * doubled slashes, matrix parameters) is refused before any other check.
 */
@Component
public class PathRules {

	/** WeChat's credential paths are answered by this proxy, not forwarded. */
	private static final List<String> OWN_PATHS = List.of("/cgi-bin/token", "/cgi-bin/stable_token");

	private final AntPathMatcher matcher = new AntPathMatcher();

	private final List<String> forwardedPrefixes;

	@Autowired
	public PathRules(ApiProxyProperties properties) {
		this(properties.forwardedPrefixes());
	}

	PathRules(List<String> forwardedPrefixes) {
		this.forwardedPrefixes = forwardedPrefixes;
	}

	/**
	 * True when the proxy forwards this path to WeChat: under a forwarded prefix and not
	 * one of WeChat's credential paths, which the proxy answers itself.
	 */
	public boolean isForwarded(String rawPath) {
		if (OWN_PATHS.contains(rawPath)) {
			return false;
		}
		for (String prefix : this.forwardedPrefixes) {
			if (rawPath.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** True when the path, as it came, consists of plain segments only. */
	boolean isPlain(String rawPath) {
		// (/[A-Za-z0-9_-]+)+(\.[A-Za-z0-9]+)?/? without a regular expression: this runs
		// on
		// every call
		int length = rawPath.length();
		int at = 0;
		int segments = 0;
		while (at < length && rawPath.charAt(at) == '/') {
			int start = ++at;
			while (at < length && isWordCharacter(rawPath.charAt(at))) {
				at++;
			}
			if (at == start) {
				// an empty segment is only a trailing slash
				return segments > 0 && at == length;
			}
			segments++;
		}
		if (segments == 0 || at == length) {
			return segments > 0;
		}
		if (rawPath.charAt(at) != '.') {
			return false;
		}
		int extension = ++at;
		while (at < length && isLetterOrDigit(rawPath.charAt(at))) {
			at++;
		}
		return at > extension && (at == length || (at == length - 1 && rawPath.charAt(at) == '/'));
	}

	private static boolean isLetterOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	private static boolean isWordCharacter(char c) {
		return isLetterOrDigit(c) || c == '_' || c == '-';
	}

	/** True when one of the client's globs matches the path. */
	boolean allowed(List<String> globs, String path) {
		return globs.stream().anyMatch((glob) -> this.matcher.match(glob, path));
	}

}
