package io.wxhub.apiproxy.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import feign.FeignException;
import io.wxhub.apiproxy.system.ApiProxyProperties;

import org.springframework.stereotype.Component;

/**
 * The apps' JS-SDK tickets from the token server, which keeps them fresh (WeChat's
 * {@code getticket} is called there, once per ticket's life, however many callers ask
 * here), reused for {@code token-cache-ttl} and never past their expiry.
 */
@Component
public class Tickets {

	private final Map<String, Ticket> cache = new ConcurrentHashMap<>();

	private final TokenServerClient tokenServer;

	private final ApiProxyProperties properties;

	private final Clock clock;

	public Tickets(TokenServerClient tokenServer, ApiProxyProperties properties, Clock clock) {
		this.tokenServer = tokenServer;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The ticket when this replica holds a fresh one, else null; never blocks.
	 * @param appId the app
	 * @param name the token server's name of the ticket: {@code jsapi} or {@code wx-card}
	 */
	public Ticket cached(String appId, String name) {
		Ticket cached = this.cache.get(appId + '|' + name);
		return (cached != null && this.clock.instant().isBefore(cached.reusableUntil())) ? cached : null;
	}

	/**
	 * The current ticket; asks the token server when none is cached.
	 * @throws TokenUnavailableException when the token server gives none
	 */
	public Ticket current(String appId, String name) {
		Ticket cached = cached(appId, name);
		if (cached != null) {
			return cached;
		}
		TokenServerClient.Ticket answer;
		try {
			answer = this.tokenServer.ticket(appId, name);
		}
		catch (FeignException ex) {
			throw new TokenUnavailableException(name + " ticket", ex.status());
		}
		catch (RuntimeException ex) {
			throw new TokenUnavailableException(name + " ticket", -1);
		}
		Instant expiresAt = Instant.parse(answer.expiresAt());
		Instant until = this.clock.instant().plus(this.properties.tokenCacheTtl());
		Ticket ticket = new Ticket(answer.ticket(), expiresAt, until.isBefore(expiresAt) ? until : expiresAt);
		this.cache.put(appId + '|' + name, ticket);
		return ticket;
	}

	/**
	 * A ticket.
	 *
	 * @param value WeChat's ticket
	 * @param expiresAt when the token server stops serving it
	 * @param reusableUntil when this replica asks the token server again
	 */
	public record Ticket(String value, Instant expiresAt, Instant reusableUntil) {

		@Override
		public String toString() {
			return "Ticket[expiresAt=" + this.expiresAt + ", value=***]";
		}

	}

}
