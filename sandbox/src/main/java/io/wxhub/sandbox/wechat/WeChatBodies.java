package io.wxhub.sandbox.wechat;

import java.nio.charset.StandardCharsets;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.protocol.error.WeChatException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
			throw WeChatErrors.of(WeChatErrorCode.EMPTY_POST_DATA);
		}
		try {
			T value = this.jsonMapper.readValue(body, type);
			if (value == null) {
				throw WeChatErrors.of(WeChatErrorCode.DATA_FORMAT_ERROR);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw WeChatErrors.of(WeChatErrorCode.DATA_FORMAT_ERROR);
		}
	}

	/**
	 * Reads a JSON object as a tree, keeping every field as sent. The bytes are UTF-8
	 * whatever the Content-Type says.
	 * @param body the raw body, possibly {@code null}
	 * @return the object
	 * @throws WeChatException 44002 when empty, 47001 when not a JSON object
	 */
	public ObjectNode object(byte[] body) {
		if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
			throw WeChatErrors.of(WeChatErrorCode.EMPTY_POST_DATA);
		}
		try {
			JsonNode tree = this.jsonMapper.readTree(body);
			if (tree instanceof ObjectNode object) {
				return object;
			}
		}
		catch (JacksonException ex) {
			// answered below
		}
		throw WeChatErrors.of(WeChatErrorCode.DATA_FORMAT_ERROR);
	}

	/**
	 * Like {@link #object(byte[])} for the APIs that refuse non-ASCII characters written
	 * as JSON escapes (backslash, {@code u}, four hex digits) in menus and templates:
	 * WeChat wants them as raw UTF-8.
	 * @param body the raw body, possibly {@code null}
	 * @return the object
	 * @throws WeChatException 44002, 47001, or 40033 for an escaped non-ASCII character
	 */
	public ObjectNode rawUtf8Object(byte[] body) {
		ObjectNode object = object(body);
		for (int i = 0; i < body.length - 5; i++) {
			if (body[i] != '\\') {
				continue;
			}
			if (body[i + 1] == 'u' && isNonAscii(new String(body, i + 2, 4, StandardCharsets.US_ASCII))) {
				throw WeChatErrors.of(WeChatErrorCode.INVALID_CHARSET);
			}
			// skip the escaped character, so that an escaped backslash is not read again
			i++;
		}
		return object;
	}

	private static boolean isNonAscii(String hex) {
		try {
			return Integer.parseInt(hex, 16) > 0x7F;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
