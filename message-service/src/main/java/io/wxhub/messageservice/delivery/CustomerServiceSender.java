package io.wxhub.messageservice.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.protocol.reply.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Delivers a late reply as a customer-service message through the API-Proxy, with a proxy
 * token obtained the way any SDK does (client key as the secret) and renewed on
 * 40001/42001. Tries up to three times on WeChat's -1 or transport failures. Counts
 * {@code wxhub.messages.deferred} by outcome, and
 * {@code wxhub.messages.late.reply.failures} for every reply that did not go out.
 */
@Component
public class CustomerServiceSender {

	private static final Logger log = LoggerFactory.getLogger(CustomerServiceSender.class);

	private static final int ATTEMPTS = 3;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private final ApiProxyClient proxy;

	private final String clientKey;

	private final MeterRegistry meters;

	private final Clock clock;

	CustomerServiceSender(ApiProxyClient proxy, MessageServiceProperties properties, MeterRegistry meters,
			Clock clock) {
		this.proxy = proxy;
		this.clientKey = properties.apiProxy().clientKey();
		this.meters = meters;
		this.clock = clock;
		// from start-up, so that alerts never see an absent series
		properties.apps().forEach((app) -> {
			sent(app.appId());
			failures(app.appId());
		});
	}

	/** Sends the reply to the follower; failures are logged and counted, never thrown. */
	public void send(String appId, String openid, Reply reply) {
		Map<String, Object> message = CustomerServiceMessages.of(openid, reply);
		String outcome = "unsupported";
		for (int attempt = 1; message != null && attempt <= ATTEMPTS; attempt++) {
			try {
				int errcode = errcode(this.proxy.sendCustomMessage(token(appId), message));
				if (errcode == 0) {
					outcome = "sent";
					break;
				}
				outcome = "errcode_" + errcode;
				if (errcode == 40001 || errcode == 42001 || errcode == 40014) {
					this.tokens.remove(appId);
				}
				else if (errcode != -1) {
					break;
				}
			}
			catch (RuntimeException ex) {
				outcome = "unreachable";
			}
			if (attempt < ATTEMPTS) {
				pause(attempt);
			}
		}
		if (outcome.equals("sent")) {
			sent(appId).increment();
		}
		else {
			this.meters.counter("wxhub.messages.deferred", "app", appId, "outcome", outcome).increment();
			failures(appId).increment();
			log.warn("Late reply for app {} not delivered: {}", appId, outcome);
		}
	}

	private Counter sent(String appId) {
		return this.meters.counter("wxhub.messages.deferred", "app", appId, "outcome", "sent");
	}

	/** Late replies that did not reach the follower, whatever the reason. */
	private Counter failures(String appId) {
		return this.meters.counter("wxhub.messages.late.reply.failures", "app", appId);
	}

	private String token(String appId) {
		Token token = this.tokens.get(appId);
		Instant now = this.clock.instant();
		if (token == null || !now.isBefore(token.renewAt())) {
			Map<String, Object> answer = this.proxy.token(appId, this.clientKey);
			Object value = answer.get("access_token");
			if (value == null) {
				throw new IllegalStateException("The proxy refused the token exchange: errcode " + errcode(answer));
			}
			long expiresIn = ((Number) answer.getOrDefault("expires_in", 7200)).longValue();
			token = new Token(value.toString(), now.plusSeconds(expiresIn / 2));
			this.tokens.put(appId, token);
		}
		return token.value();
	}

	private static int errcode(Map<String, Object> answer) {
		Object errcode = answer.get("errcode");
		return (errcode instanceof Number number) ? number.intValue() : 0;
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(200L * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Token(String value, Instant renewAt) {
	}

}
