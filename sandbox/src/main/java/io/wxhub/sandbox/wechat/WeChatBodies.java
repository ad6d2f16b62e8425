package io.wxhub.sandbox.wechat;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads JSON request bodies the way WeChat does: whatever the Content-Type (bar form
 * posts, which the servlet container decodes as parameters), an empty body is 44002 and a
 * body that is not the expected JSON is 47001.
 */
@Component
public class WeChatBodies {

	private final JsonMapper jsonMapper;

	public WeChatBodies(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * @param body the raw body, possibly {@code null}
	 * @param type the record to read
	 * @param <T> the record type
	 * @return the parsed body
	 */
	public <T> T read(String body, Class<T> type) {
		if (body == null || body.isBlank()) {
			throw WeChatException.of(44002);
		}
		try {
			T value = this.jsonMapper.readValue(body, type);
			if (value == null) {
				throw WeChatException.of(47001);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw WeChatException.of(47001);
		}
	}

}
