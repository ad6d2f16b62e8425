package io.wxhub.messageservice.routing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wxhub.protocol.message.InboundEvent;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.TextMessage;

/** Fills {@code ${…}} placeholders from a message; unknown ones become empty. */
final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

	private Placeholders() {
	}

	static String fill(String template, String appId, InboundMessage message) {
		if (template == null || !template.contains("${")) {
			return template;
		}
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(filled, Matcher.quoteReplacement(value(matcher.group(1), appId, message)));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	private static String value(String name, String appId, InboundMessage message) {
		Map<String, String> fields = message.fields();
		String value = switch (name) {
			case "appId" -> appId;
			case "fromUser" -> message.fromUserName();
			case "toUser" -> message.toUserName();
			case "msgType" -> message.msgType();
			case "content" -> (message instanceof TextMessage text) ? text.content() : null;
			case "event" -> (message instanceof InboundEvent event) ? event.event() : null;
			case "eventKey" -> (message instanceof InboundEvent event) ? event.eventKey() : null;
			default -> name.startsWith("field.") ? fields.get(name.substring(6)) : null;
		};
		return (value != null) ? value : "";
	}

}
