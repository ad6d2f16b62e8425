package io.wxhub.apiproxy.forward;

import io.wxhub.protocol.error.WeChatErrorCode;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JacksonException;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * WeChat's verdict in an answer: the top-level {@code errcode} of a JSON object, read
 * with a streaming parser that stops at the field (WeChat writes it first) without
 * building a tree. Successful answers often carry no errcode at all: they count as 0.
 */
final class ErrcodeCheck {

	private static final JsonFactory JSON = new JsonFactory();

	private ErrcodeCheck() {
	}

	/**
	 * The top-level {@code errcode}; 0 when absent or not an integer, or when the body is
	 * not a JSON object.
	 */
	static int errcode(byte[] body) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return 0;
			}
			JsonToken token;
			while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
				boolean errcode = "errcode".equals(parser.currentName());
				JsonToken value = parser.nextToken();
				if (errcode) {
					return (value == JsonToken.VALUE_NUMBER_INT) ? parser.getIntValue() : 0;
				}
				parser.skipChildren();
			}
			return 0;
		}
		catch (JacksonException ex) {
			return 0;
		}
	}

	/** True for WeChat's "the access token is invalid or expired" errcodes. */
	static boolean isTokenRejection(int errcode) {
		return WeChatErrorCode.of(errcode).map(WeChatErrorCode::isTokenInvalid).orElse(false);
	}

}
