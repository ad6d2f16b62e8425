package io.wxhub.apiproxy.system;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * The one writer of this service's {@code application/problem+json} bodies (RFC 9457):
 * failures that are not WeChat's answer, such as a malformed request (400, 404, 413) or
 * trouble on the way to WeChat (502, 503, 504).
 */
public final class ProblemJson {

	/** Content type of every problem answer. */
	public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

	private static final String TYPE_PREFIX = "urn:wxhub:problem:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemJson() {
	}

	/**
	 * A problem body.
	 * @param status the HTTP status
	 * @param type a stable slug per category, e.g. {@code upstream-timeout}
	 * @param title a fixed phrase per category
	 * @param detail what happened to this request
	 * @param instance the request path
	 * @return the JSON bytes
	 */
	public static byte[] body(int status, String type, String title, String detail, String instance) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_PREFIX + type);
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("instance", instance);
		return JSON.writeValueAsBytes(problem);
	}

}
