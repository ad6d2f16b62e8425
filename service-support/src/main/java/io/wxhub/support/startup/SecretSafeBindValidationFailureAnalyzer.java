package io.wxhub.support.startup;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports properties that failed validation at start-up like Spring Boot does, but
 * without the rejected value of a secret: Boot's own report prints every rejected value,
 * so a signing key one character too short, or an EncodingAESKey with a typo, would end
 * up in the log. A property is a secret when its name says so (key, secret, password,
 * token, credential); other rejected values are shown, as they help.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecretSafeBindValidationFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

	private static final Pattern SECRET_NAME = Pattern.compile(".*(key|secret|password|token|credential).*");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
		ValidationErrors errors = cause.getValidationErrors();
		StringBuilder description = new StringBuilder("Binding to target ").append(errors.getName())
			.append(" failed:\n");
		for (ObjectError error : errors) {
			description.append(line(errors, error));
		}
		return new FailureAnalysis(description.toString(),
				"Update your application's configuration (a secret's value is never printed)", cause);
	}

	private static String line(ValidationErrors errors, ObjectError error) {
		StringBuilder line = new StringBuilder("\n");
		if (error instanceof FieldError field) {
			String property = errors.getName() + "." + field.getField();
			line.append("    Property: ").append(property).append('\n');
			line.append("    Value: ")
				.append(isSecret(field.getField()) ? "(a secret: not shown)" : quoted(field.getRejectedValue()))
				.append('\n');
		}
		return line.append("    Reason: ").append(error.getDefaultMessage()).append('\n').toString();
	}

	/** By the last segment of its name: {@code tokenServer.url} is no secret. */
	static boolean isSecret(String field) {
		String last = field.substring(field.lastIndexOf('.') + 1);
		return SECRET_NAME.matcher(last.toLowerCase(Locale.ROOT)).matches();
	}

	private static String quoted(Object value) {
		return (value != null) ? "\"" + value + "\"" : "null";
	}

}
