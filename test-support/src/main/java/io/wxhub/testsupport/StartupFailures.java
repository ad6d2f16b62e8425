package io.wxhub.testsupport;

import java.util.List;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.validation.FieldError;

/**
 * What a service's failure to start says about its configuration.
 */
public final class StartupFailures {

	private StartupFailures() {
	}

	/**
	 * The properties a start-up failure names as invalid, as Boot's failure report shows
	 * them (record component names: {@code api-proxy.signingKey}).
	 * @throws AssertionError when the failure is not a validation failure of bound
	 * properties
	 */
	public static List<String> invalidProperties(Throwable failure) {
		Throwable bind = failure;
		while (bind != null && !(bind instanceof BindValidationException)) {
			bind = bind.getCause();
		}
		if (bind == null) {
			throw new AssertionError("not a binding validation failure: " + failure, failure);
		}
		return ((BindValidationException) bind).getValidationErrors()
			.getAllErrors()
			.stream()
			.map((error) -> (error instanceof FieldError field) ? field.getObjectName() + "." + field.getField()
					: error.getObjectName())
			.toList();
	}

}
