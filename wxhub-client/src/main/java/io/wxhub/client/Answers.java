package io.wxhub.client;

import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The token server's JSON, read and written with Jackson's streaming parser: its answers
 * are flat objects of a few fields, so no data binding is needed (and none is imposed on
 * the application). Reading throws a {@link RuntimeException} for anything that is not
 * the expected answer.
 */
final class Answers {

	private static final JsonFactory JSON = new JsonFactory();

	private Answers() {
	}

	/** A token or ticket answer: {@code {"appId", <field>, "expiresAt", "expiresIn"}}. */
	static Issued credential(String body, CredentialKind kind) {
		Map<String, Object> fields = fields(body);
		return new Issued(string(fields, kind.field()), Instant.parse(string(fields, "expiresAt")),
				number(fields, "expiresIn"));
	}

	/** A signature answer: {@code {"appId", "timestamp", "nonceStr", "signature"}}. */
	static JsapiSignature signature(String body) {
		Map<String, Object> fields = fields(body);
		return new JsapiSignature(string(fields, "appId"), number(fields, "timestamp"), string(fields, "nonceStr"),
				string(fields, "signature"));
	}

	/** An {@code application/problem+json} body; null when the body is not one. */
	static Problem problem(String body) {
		try {
			Map<String, Object> fields = fields(body);
			Object errcode = fields.get("errcode");
			return new Problem(text(fields, "type"), text(fields, "title"), text(fields, "detail"),
					(errcode instanceof Long code) ? Integer.valueOf(code.intValue()) : null, text(fields, "errmsg"));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** A JSON object of one string field. */
	static String object(String name, String value) {
		StringWriter json = new StringWriter();
		try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), json)) {
			generator.writeStartObject();
			generator.writeStringProperty(name, value);
			generator.writeEndObject();
		}
		return json.toString();
	}

	/**
	 * The strings and integers at the top of a JSON object; nested values are skipped.
	 */
	private static Map<String, Object> fields(String body) {
		Map<String, Object> fields = new HashMap<>();
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("Not a JSON object");
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				if (value == JsonToken.VALUE_STRING) {
					fields.put(name, parser.getString());
				}
				else if (value == JsonToken.VALUE_NUMBER_INT) {
					fields.put(name, parser.getLongValue());
				}
				else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
					parser.skipChildren();
				}
			}
		}
		return fields;
	}

	private static String string(Map<String, Object> fields, String name) {
		String value = text(fields, name);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("No " + name + " in the answer");
		}
		return value;
	}

	private static String text(Map<String, Object> fields, String name) {
		return (fields.get(name) instanceof String value) ? value : null;
	}

	private static long number(Map<String, Object> fields, String name) {
		if (fields.get(name) instanceof Long value) {
			return value;
		}
		throw new IllegalArgumentException("No " + name + " in the answer");
	}

	/**
	 * A credential as the token server answered it.
	 *
	 * @param value the token or ticket; never in {@link #toString()}
	 * @param expiresAt the server's {@code expiresAt}
	 * @param expiresIn the server's {@code expiresIn}, whole seconds left
	 */
	record Issued(String value, Instant expiresAt, long expiresIn) {

		@Override
		public String toString() {
			return "Issued[expiresAt=" + this.expiresAt + ", expiresIn=" + this.expiresIn + ", value=***]";
		}

	}

	/**
	 * An RFC 9457 problem, with the token server's WeChat extension fields.
	 *
	 * @param type the problem type URI
	 * @param title its fixed title
	 * @param detail what happened
	 * @param errcode WeChat's errcode, when WeChat's refusal is the cause
	 * @param errmsg WeChat's errmsg
	 */
	record Problem(String type, String title, String detail, Integer errcode, String errmsg) {

		/**
		 * Whether the token server itself wrote it (not a gateway or another service).
		 */
		boolean fromTokenServer() {
			return this.type != null && this.type.startsWith("urn:wxhub:problem:");
		}

	}

}
