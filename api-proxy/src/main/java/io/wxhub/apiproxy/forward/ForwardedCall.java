package io.wxhub.apiproxy.forward;

import io.netty.handler.codec.http.HttpHeaders;
import io.wxhub.apiproxy.admission.Decision.Admitted;

/**
 * An admitted call, as it is sent to WeChat (once, or twice after a retry).
 *
 * @param admitted who calls which API for which app
 * @param method the HTTP method
 * @param headers the caller's headers that WeChat gets
 * @param body the caller's body, kept whole so that it can be sent again
 * @param started when the proxy began reading the call ({@link System#nanoTime()})
 */
record ForwardedCall(Admitted admitted, String method, HttpHeaders headers, byte[] body, long started) {

	String appId() {
		return this.admitted.appId();
	}

	/** Path and query for WeChat, with the real token. */
	String uri(String realToken) {
		return ForwardedMessages.uri(this.admitted.path(), this.admitted.keptQuery(), realToken);
	}

}
