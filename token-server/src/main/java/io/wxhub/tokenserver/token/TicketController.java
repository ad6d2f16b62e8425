package io.wxhub.tokenserver.token;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxhub.tokenserver.client.CallerKeys;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The tickets of every ticket kind: {@code /v1/apps/{appId}/jsapi-ticket},
 * {@code /v1/apps/{appId}/wx-card-ticket} (see {@link TokenKind#ticketNamed}).
 */
@RestController
@Tag(name = "tickets")
class TicketController {

	private final TokenService tokens;

	private final CallerKeys callers;

	private final Clock clock;

	TicketController(TokenService tokens, CallerKeys callers, Clock clock) {
		this.tokens = tokens;
		this.callers = callers;
		this.clock = clock;
	}

	@Operation(operationId = "getTicket", summary = "The app's jsapi or wx-card ticket",
			description = "jsapi-ticket is the JS-SDK ticket (getticket?type=jsapi), wx-card-ticket the card ticket "
					+ "(type=wx_card). Fetched on first demand, then kept fresh; cache it until expiresAt.")
	@GetMapping("/v1/apps/{appId}/{name}-ticket")
	TicketResponse ticket(@PathVariable String appId,
			@Parameter(schema = @Schema(ref = "#/components/schemas/TicketName")) @PathVariable String name,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization) {
		this.callers.authorize(authorization, appId);
		TokenKind kind = TokenKind.ticketNamed(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No ticket named " + name));
		StoredToken ticket = this.tokens.get(new TokenKey(appId, kind));
		return new TicketResponse(appId, ticket.value(), ticket.expiresAt().toString(),
				ticket.secondsLeftAt(this.clock.instant()));
	}

	/** A ticket and when it expires. */
	@Schema(description = "A ticket and when it expires",
			requiredProperties = { "appId", "ticket", "expiresAt", "expiresIn" })
	record TicketResponse(@Schema(description = "The app", example = "wx0123456789abcdef") String appId,
			@Schema(description = "WeChat's ticket", example = "EXAMPLE_JSAPI_TICKET") String ticket,
			@Schema(description = "When the server stops serving it (WeChat's expiry less a margin), "
					+ "an ISO-8601 instant in UTC: cache it until then", format = "date-time",
					example = "2026-03-01T09:58:59Z") String expiresAt,
			@Schema(description = "Seconds left until expiresAt", example = "7139") long expiresIn) {
	}

}
