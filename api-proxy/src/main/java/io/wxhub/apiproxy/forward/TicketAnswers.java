package io.wxhub.apiproxy.forward;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.wxhub.apiproxy.admission.Decision.Admitted;
import io.wxhub.apiproxy.tokens.Tickets;
import io.wxhub.apiproxy.tokens.TokenUnavailableException;
import io.wxhub.protocol.error.WeChatErrorCode;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's {@code /cgi-bin/ticket/getticket}, answered from the token server's tickets in
 * WeChat's shape: no call to WeChat per caller (a ticket fetched there is one of WeChat's
 * few thousand a day, and may replace the one other callers hold).
 */
final class TicketAnswers {

	/** WeChat's path of the JS-SDK tickets. */
	static final String PATH = "/cgi-bin/ticket/getticket";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Tickets tickets;

	private final Audit audit;

	private final Clock clock;

	TicketAnswers(Tickets tickets, Audit audit, Clock clock) {
		this.tickets = tickets;
		this.audit = audit;
		this.clock = clock;
	}

	/** The answer to an admitted {@code getticket} call. */
	Mono<Answer> answer(Admitted call, String method, long started) {
		String name = ticketName(type(call.keptQuery()));
		if (name == null) {
			// WeChat's answer to a type it does not know
			record(call, method, "refused", WeChatErrorCode.INVALID_ARGS.code(), 200, started);
			return Mono.just(ProxyAnswers.refusal(WeChatErrorCode.INVALID_ARGS, "ticket-type-invalid"));
		}
		Tickets.Ticket cached = this.tickets.cached(call.appId(), name);
		Mono<Tickets.Ticket> ticket = (cached != null) ? Mono.just(cached)
				: Mono.fromCallable(() -> this.tickets.current(call.appId(), name))
					.subscribeOn(Schedulers.boundedElastic());
		return ticket.map((found) -> {
			record(call, method, "ok", 0, 200, started);
			return answer(found);
		}).onErrorResume(TokenUnavailableException.class, (ex) -> {
			record(call, method, "failed", -1, 503, started);
			return Mono.just(ProxyAnswers.problem(503, "no-ticket", "No ticket available", ex.getMessage(), call.path(),
					new DefaultHttpHeaders().set(HttpHeaderNames.RETRY_AFTER, "1")));
		});
	}

	private Answer answer(Tickets.Ticket ticket) {
		long expiresIn = Math.max(1, Duration.between(this.clock.instant(), ticket.expiresAt()).toSeconds());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errcode", 0);
		body.put("errmsg", "ok");
		body.put("ticket", ticket.value());
		body.put("expires_in", expiresIn);
		return new Answer.Whole(200,
				new DefaultHttpHeaders().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON),
				JSON.writeValueAsBytes(body));
	}

	private void record(Admitted call, String method, String outcome, int errcode, int status, long started) {
		this.audit.record(call.clientId(), call.appId(), call.path(), method, outcome, errcode, status, false, started);
	}

	/** The token server's name of WeChat's ticket type, or null for another type. */
	private static String ticketName(String type) {
		if ("jsapi".equals(type)) {
			return "jsapi";
		}
		return "wx_card".equals(type) ? "wx-card" : null;
	}

	/** The {@code type} parameter of the query, or null. */
	private static String type(String query) {
		if (query == null) {
			return null;
		}
		for (String part : query.split("&")) {
			if (part.startsWith("type=")) {
				try {
					return URLDecoder.decode(part.substring(5), StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return null;
	}

}
