package io.wxhub.messageservice.routing;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a rule does.
 *
 * @param type the kind of action
 * @param reply for {@code reply}: the reply, with {@code ${…}} placeholders
 * @param url for {@code forward}: the internal endpoint that receives the message as JSON
 * @param bean for {@code bean}: the name of a {@link MessageHandler} bean
 * @param timeout for {@code forward}: how long the endpoint may take
 */
public record RuleAction(@NotNull Type type, @Valid ReplyTemplate reply, String url, String bean,
		@DefaultValue("10s") Duration timeout) {

	/** Kinds of action. */
	public enum Type {

		/** A templated reply. */
		REPLY,
		/** The same content back: text, image, voice, video. */
		ECHO,
		/** POST the message as JSON to {@code url}; its JSON answer is the reply. */
		FORWARD,
		/** A {@link MessageHandler} bean. */
		BEAN,
		/** Nothing to say (an empty answer). */
		NONE;

		/** True for actions computed in memory, that cannot take long. */
		public boolean isImmediate() {
			return this == REPLY || this == ECHO || this == NONE;
		}

	}

}
