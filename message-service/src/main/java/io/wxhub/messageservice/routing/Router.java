package io.wxhub.messageservice.routing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.protocol.message.InboundEvent;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.reply.Reply;

import org.springframework.stereotype.Component;

/** Finds the first rule that matches a message and runs its action. */
@Component
public class Router {

	private final List<Rule> rules;

	private final Actions actions;

	private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

	Router(MessageServiceProperties properties, Actions actions) {
		this.rules = properties.rules();
		this.actions = actions;
		this.rules.stream()
			.map(Rule::contentRegex)
			.filter(Objects::nonNull)
			.forEach((regex) -> this.patterns.put(regex, Pattern.compile(regex)));
	}

	/** The first matching rule, if any. */
	public Optional<Rule> match(String appId, InboundMessage message) {
		return this.rules.stream().filter((rule) -> matches(rule, appId, message)).findFirst();
	}

	/** Runs a rule's action; may block as long as the action takes. */
	public Optional<Reply> run(Rule rule, String appId, InboundMessage message) {
		return this.actions.run(rule.action(), appId, message);
	}

	private boolean matches(Rule rule, String appId, InboundMessage message) {
		String event = (message instanceof InboundEvent e) ? e.event() : null;
		String eventKey = (message instanceof InboundEvent e) ? e.eventKey() : null;
		String content = (message instanceof TextMessage text) ? text.content() : null;
		return (rule.apps().isEmpty() || rule.apps().contains(appId)) && same(rule.msgType(), message.msgType())
				&& same(rule.event(), event) && same(rule.eventKey(), eventKey) && same(rule.content(), content)
				&& (rule.contentPrefix() == null || (content != null && content.startsWith(rule.contentPrefix())))
				&& (rule.contentRegex() == null
						|| (content != null && this.patterns.get(rule.contentRegex()).matcher(content).matches()));
	}

	private static boolean same(String wanted, String actual) {
		return wanted == null || wanted.equals(actual);
	}

}
