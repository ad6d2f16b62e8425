package io.wxhub.messageservice.routing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * One routing rule: what it matches and what it does. Every match field is optional; an
 * absent one matches anything, so a rule without any is a default rule.
 *
 * @param name a name for logs and metrics
 * @param apps AppIDs it applies to; empty = all
 * @param msgType {@code text}, {@code image}, …, {@code event}
 * @param event the event, e.g. {@code subscribe}, {@code CLICK} (exact, as WeChat spells
 * it)
 * @param eventKey the event key, exactly
 * @param content text content, exactly
 * @param contentPrefix text content prefix
 * @param contentRegex text content regular expression (whole content)
 * @param action what to do
 */
public record Rule(@NotBlank String name, List<String> apps, String msgType, String event, String eventKey,
		String content, String contentPrefix, String contentRegex, @NotNull @Valid RuleAction action) {

	public Rule {
		apps = (apps != null) ? apps : List.of();
	}

}
