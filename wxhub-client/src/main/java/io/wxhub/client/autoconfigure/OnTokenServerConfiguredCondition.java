package io.wxhub.client.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code wxhub.token-server.urls} has an entry and
 * {@code wxhub.token-server.client-key} is not blank. Bound rather than looked up
 * ({@code @ConditionalOnProperty} would miss the list written as {@code urls[0]}, the
 * form of YAML lists and of {@code WXHUB_TOKEN_SERVER_URLS_0}).
 */
class OnTokenServerConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		List<String> urls = binder.bind("wxhub.token-server.urls", Bindable.listOf(String.class)).orElse(List.of());
		String clientKey = binder.bind("wxhub.token-server.client-key", String.class).orElse("");
		ConditionMessage.Builder message = ConditionMessage.forCondition("wxhub token server");
		if (urls.stream().allMatch(String::isBlank)) {
			return ConditionOutcome.noMatch(message.didNotFind("property").items("wxhub.token-server.urls"));
		}
		if (clientKey.isBlank()) {
			return ConditionOutcome.noMatch(message.didNotFind("property").items("wxhub.token-server.client-key"));
		}
		return ConditionOutcome
			.match(message.found("properties").items("wxhub.token-server.urls", "wxhub.token-server.client-key"));
	}

}
