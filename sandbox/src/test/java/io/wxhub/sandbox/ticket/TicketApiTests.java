package io.wxhub.sandbox.ticket;

import java.time.Duration;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicketApiTests extends SandboxTestSupport {

	@Test
	void issuesJsapiTicket() {
		Reply reply = getTicket(classicToken(), "jsapi");
		assertThat(reply.errcode()).isZero();
		assertThat(reply.errmsg()).isEqualTo("ok");
		assertThat(reply.text("ticket")).matches("SBX_[A-Za-z0-9_-]{82}");
		assertThat(reply.json().path("expires_in").asLong()).isEqualTo(7200);
		assertThat(ticketCheck(reply.text("ticket")).path("valid").asBoolean()).isTrue();
	}

	@Test
	void issuesCardTicketWithStableToken() {
		Reply reply = getTicket(stableToken(false), "wx_card");
		assertThat(reply.errcode()).isZero();
		assertThat(ticketCheck(reply.text("ticket")).path("kind").asString()).isEqualTo("wx_card");
	}

	@Test
	void rejectsUnknownTypeAndBadTokens() {
		String token = classicToken();
		assertThat(getTicket(token, "jsapix").errcode()).isEqualTo(40097);
		assertThat(this.http.get("/cgi-bin/ticket/getticket?access_token={t}", token).errcode()).isEqualTo(40097);
		assertThat(this.http.get("/cgi-bin/ticket/getticket?type=jsapi").errcode()).isEqualTo(41001);
		assertThat(getTicket("SBX_neverissued", "jsapi").errcode()).isEqualTo(40001);
	}

	@Test
	void previousTicketKeepsTheOverlap() {
		String token = classicToken();
		String first = getTicket(token, "jsapi").text("ticket");
		String second = getTicket(token, "jsapi").text("ticket");
		assertThat(second).isNotEqualTo(first);
		assertThat(ticketCheck(first).path("valid").asBoolean()).isTrue();
		advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(ticketCheck(first).path("valid").asBoolean()).isFalse();
		assertThat(ticketCheck(first).path("errcode").asInt()).isEqualTo(40001);
		assertThat(ticketCheck(second).path("valid").asBoolean()).isTrue();
		advance(Duration.ofSeconds(7200));
		assertThat(ticketCheck(second).path("errcode").asInt()).isEqualTo(42001);
	}

	@Test
	void ticketsAreNotAccessTokens() {
		String ticket = getTicket(classicToken(), "jsapi").text("ticket");
		assertThat(useToken(ticket)).isEqualTo(40001);
		assertThat(ticketCheck(classicToken()).path("valid").asBoolean()).isFalse();
	}

	@Test
	void listsCurrentAndPreviousTickets() {
		String token = classicToken();
		String first = getTicket(token, "jsapi").text("ticket");
		String second = getTicket(token, "jsapi").text("ticket");
		Reply tickets = this.http.get("/sandbox/apps/{app}/tickets", APP);
		assertThat(tickets.json().path("jsapi").path("current").path("value").asString()).isEqualTo(second);
		assertThat(tickets.json().path("jsapi").path("previous").path("value").asString()).isEqualTo(first);
		assertThat(tickets.json().path("wxCard").path("current").isNull()).isTrue();
	}

	private Reply getTicket(String token, String type) {
		return this.http.get("/cgi-bin/ticket/getticket?access_token={t}&type={type}", token, type);
	}

	private tools.jackson.databind.JsonNode ticketCheck(String ticket) {
		Reply reply = this.http.post("/sandbox/apps/{app}/ticket-check", Map.of("ticket", ticket), APP);
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

}
