package io.wxhub.protocol.message;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the {@code fields()} map of a message: header and typed values first, then any
 * other received elements.
 */
final class WireFields {

	private WireFields() {
	}

	static Map<String, String> of(MessageHeader header, String msgType, String event, Map<String, String> extras,
			Object... typed) {
		required(header, "header");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("ToUserName", header.toUserName());
		fields.put("FromUserName", header.fromUserName());
		fields.put("CreateTime", Long.toString(header.createTime()));
		fields.put("MsgType", msgType);
		if (event != null) {
			fields.put("Event", event);
		}
		for (int i = 0; i < typed.length; i += 2) {
			if (typed[i + 1] != null) {
				fields.put((String) typed[i], format(typed[i + 1]));
			}
		}
		if (extras != null) {
			extras.forEach((name, value) -> {
				if (value != null && !isAliasOfPresent(name, fields)) {
					fields.putIfAbsent(name, value);
				}
			});
		}
		return Collections.unmodifiableMap(fields);
	}

	// Job-finish events spell it MsgID, ordinary messages MsgId; keep only one of them.
	private static boolean isAliasOfPresent(String name, Map<String, String> fields) {
		return (name.equals("MsgID") && fields.containsKey("MsgId"))
				|| (name.equals("MsgId") && fields.containsKey("MsgID"));
	}

	private static String format(Object value) {
		if (value instanceof Double number) {
			return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}

	static <T> T required(T value, String name) {
		if (value == null) {
			throw new NullPointerException(name + " must not be null");
		}
		return value;
	}

}
