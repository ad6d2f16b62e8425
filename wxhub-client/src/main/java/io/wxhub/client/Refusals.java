package io.wxhub.client;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.wxhub.client.Answers.Problem;
import io.wxhub.client.TokenServerTransport.Call;
import io.wxhub.client.TokenServerTransport.Failure;

/**
 * Builds the {@link WxhubTokenException} of a refusal or of a request no URL answered.
 * The client key is masked in whatever the token server wrote.
 */
final class Refusals {

	private static final int MASKED_KEY_LENGTH = 8;

	private final String clientKey;

	private final Clock clock;

	Refusals(String clientKey, Clock clock) {
		this.clientKey = clientKey;
		this.clock = clock;
	}

	/** The token server refused {@code call} with {@code status}. */
	WxhubTokenException refused(Call call, int status, Problem problem, HttpHeaders headers) {
		Duration retryAfter = retryAfter(headers);
		StringBuilder message = new StringBuilder("The token server refused the ").append(call.kind())
			.append(" request for ")
			.append(call.appId())
			.append(": HTTP ")
			.append(status);
		if (problem == null) {
			return new WxhubTokenException(message.toString(), status, null, null, null, null, null, retryAfter, null);
		}
		String title = mask(problem.title());
		String detail = mask(problem.detail());
		String errmsg = mask(problem.errmsg());
		append(message, " ", title);
		append(message, ": ", detail);
		if (problem.errcode() != null) {
			message.append(" (WeChat errcode ").append(problem.errcode());
			append(message, ": ", errmsg);
			message.append(')');
		}
		if (retryAfter != null) {
			message.append("; retry after ").append(retryAfter.toSeconds()).append(" s");
		}
		return new WxhubTokenException(message.toString(), status, problem.type(), title, detail, problem.errcode(),
				errmsg, retryAfter, null);
	}

	/** None of the {@code tried} URLs answered; {@code last} is why the last did not. */
	WxhubTokenException unanswered(Call call, int tried, Failure last) {
		String message = "No token server answered the " + call.kind() + " request for " + call.appId() + " (" + tried
				+ ((tried == 1) ? " URL" : " URLs") + " tried; the last: " + ((last != null) ? last.reason() : "none")
				+ ")";
		Problem problem = (last != null) ? last.problem() : null;
		return new WxhubTokenException(message, 0, (problem != null) ? problem.type() : null,
				(problem != null) ? mask(problem.title()) : null, (problem != null) ? mask(problem.detail()) : null,
				null, null, null, (last != null) ? last.cause() : null);
	}

	/**
	 * {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable.
	 */
	Duration retryAfter(HttpHeaders headers) {
		String value = headers.firstValue("Retry-After").map(String::trim).orElse(null);
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			try {
				Duration until = Duration.between(this.clock.instant(),
						ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	/**
	 * The token server's text with the client key masked, should it ever quote it. A key
	 * shorter than {@value #MASKED_KEY_LENGTH} characters is no secret worth garbling
	 * every message for.
	 */
	private String mask(String text) {
		return (text != null && this.clientKey.length() >= MASKED_KEY_LENGTH) ? text.replace(this.clientKey, "***")
				: text;
	}

	private static void append(StringBuilder message, String separator, String text) {
		if (text != null && !text.isBlank()) {
			message.append(separator).append(text);
		}
	}

}
