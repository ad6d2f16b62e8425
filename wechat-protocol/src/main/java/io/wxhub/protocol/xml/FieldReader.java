package io.wxhub.protocol.xml;

import java.util.Map;
import java.util.regex.Pattern;

import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.xml.MalformedMessageException.Reason;

/**
 * Typed access to parsed elements, turning absent or malformed values into
 * {@link MalformedMessageException}.
 */
final class FieldReader {

	private static final Pattern INTEGER = Pattern.compile("-?\\d{1,19}");

	private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?");

	private final Map<String, String> fields;

	FieldReader(Map<String, String> fields) {
		this.fields = fields;
	}

	Map<String, String> fields() {
		return this.fields;
	}

	MessageHeader header() {
		return new MessageHeader(required("ToUserName"), required("FromUserName"), requiredLong("CreateTime"));
	}

	String required(String name) {
		String value = optional(name);
		if (value == null) {
			throw new MalformedMessageException(Reason.MISSING_FIELD, "Missing required element <" + name + ">");
		}
		return value;
	}

	String optional(String name) {
		String value = this.fields.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	long requiredLong(String name) {
		return parseLong(name, required(name).trim());
	}

	Long optionalLong(String name) {
		String value = optional(name);
		return (value != null) ? parseLong(name, value.trim()) : null;
	}

	Long msgId() {
		// Most messages say MsgId; job-finish events and some older pushes say MsgID.
		Long msgId = optionalLong("MsgId");
		return (msgId != null) ? msgId : optionalLong("MsgID");
	}

	int intOrZero(String name) {
		Long value = optionalLong(name);
		if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
			throw invalid(name, "an integer");
		}
		return (value != null) ? value.intValue() : 0;
	}

	Integer optionalInt(String name) {
		return (optional(name) != null) ? intOrZero(name) : null;
	}

	double requiredDouble(String name) {
		return parseDouble(name, required(name).trim());
	}

	Double optionalDouble(String name) {
		String value = optional(name);
		return (value != null) ? parseDouble(name, value.trim()) : null;
	}

	private static long parseLong(String name, String value) {
		if (!INTEGER.matcher(value).matches()) {
			throw invalid(name, "an integer");
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw invalid(name, "an integer");
		}
	}

	private static double parseDouble(String name, String value) {
		if (!DECIMAL.matcher(value).matches()) {
			throw invalid(name, "a decimal number");
		}
		return Double.parseDouble(value);
	}

	private static MalformedMessageException invalid(String name, String expected) {
		return new MalformedMessageException(Reason.INVALID_FIELD, "Element <" + name + "> is not " + expected);
	}

}
