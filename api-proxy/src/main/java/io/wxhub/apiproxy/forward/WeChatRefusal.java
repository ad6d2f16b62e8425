package io.wxhub.apiproxy.forward;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A refusal made by the proxy itself, in WeChat's shape (HTTP 200,
 * {@code errcode}/{@code errmsg}) so that SDKs handle it as they would WeChat's, plus
 * {@code X-Wxhub-Reason} telling that the proxy, not WeChat, refused and why.
 */
public final class WeChatRefusal {

	/** The header naming the proxy's reason. */
	public static final String REASON_HEADER = "X-Wxhub-Reason";

	private WeChatRefusal() {
	}

	/** As a controller's answer. */
	public static ResponseEntity<Map<String, Object>> entity(int errcode, String errmsg, String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errcode", errcode);
		body.put("errmsg", errmsg);
		return ResponseEntity.ok().header(REASON_HEADER, reason).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
