package io.wxhub.apiproxy.system;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wxhub.protocol.error.WeChatErrorCode;
import tools.jackson.databind.json.JsonMapper;

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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WeChatRefusal() {
	}

	/** The JSON body: WeChat's errcode and errmsg. */
	public static Map<String, Object> body(WeChatErrorCode code) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errcode", code.code());
		body.put("errmsg", code.errmsg());
		return body;
	}

	/** The JSON body as bytes. */
	public static byte[] bytes(WeChatErrorCode code) {
		return JSON.writeValueAsBytes(body(code));
	}

	/** As a controller's answer. */
	public static ResponseEntity<Map<String, Object>> entity(WeChatErrorCode code, String reason) {
		return ResponseEntity.ok()
			.header(REASON_HEADER, reason)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body(code));
	}

}
