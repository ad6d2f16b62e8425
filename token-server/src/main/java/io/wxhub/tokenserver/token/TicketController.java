package io.wxhub.tokenserver.token;

import java.time.Clock;

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
class TicketController {

	private final TokenService tokens;

	private final CallerKeys callers;

	private final Clock clock;

	TicketController(TokenService tokens, CallerKeys callers, Clock clock) {
		this.tokens = tokens;
		this.callers = callers;
		this.clock = clock;
	}

	@GetMapping("/v1/apps/{appId}/{name}-ticket")
	TicketResponse ticket(@PathVariable String appId, @PathVariable String name,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		this.callers.authorize(authorization, appId);
		TokenKind kind = TokenKind.ticketNamed(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No ticket named " + name));
		StoredToken ticket = this.tokens.get(new TokenKey(appId, kind));
		return new TicketResponse(appId, ticket.value(), ticket.expiresAt().toString(),
				ticket.secondsLeftAt(this.clock.instant()));
	}

	/** A ticket and when it expires. */
	record TicketResponse(String appId, String ticket, String expiresAt, long expiresIn) {
	}

}
