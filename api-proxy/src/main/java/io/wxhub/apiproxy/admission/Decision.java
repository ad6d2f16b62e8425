package io.wxhub.apiproxy.admission;

import io.wxhub.protocol.error.WeChatErrorCode;

/** What {@link Admission} decided about a call. */
public sealed interface Decision {

	/**
	 * The call goes to WeChat.
	 *
	 * @param clientId the calling client
	 * @param appId the app it acts for
	 * @param path the API path, checked plain
	 * @param keptQuery the caller's query without its {@code access_token}, or null
	 */
	record Admitted(String clientId, String appId, String path, String keptQuery) implements Decision {
	}

	/**
	 * The proxy refuses the call in WeChat's shape.
	 *
	 * @param code WeChat's errcode for the refusal
	 * @param reason the proxy's own reason ({@code X-Wxhub-Reason})
	 * @param clientId the client, {@code -} when not known
	 * @param appId the app, {@code -} when not known
	 * @param path the API path
	 */
	record Refused(WeChatErrorCode code, String reason, String clientId, String appId,
			String path) implements Decision {
	}

	/**
	 * The path is not a plain API path (dot segments, encoded characters and the like):
	 * the caller's mistake, answered as a 400 problem.
	 *
	 * @param rawPath the path as it came
	 */
	record Malformed(String rawPath) implements Decision {
	}

}
