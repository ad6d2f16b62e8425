package io.wxhub.tokenserver.token;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each {@link TokenKind} carries. */
class TokenKindTests {

	@Test
	void ticketsAreFoundByTheirPathName() {
		assertThat(TokenKind.ticketNamed("jsapi")).contains(TokenKind.JSAPI_TICKET);
		assertThat(TokenKind.ticketNamed("wx-card")).contains(TokenKind.WX_CARD_TICKET);
		assertThat(TokenKind.ticketNamed("wx_card")).isEmpty();
		assertThat(TokenKind.ticketNamed("access")).isEmpty();
		assertThat(Arrays.stream(TokenKind.values()).map(TokenKind::ticketName)).containsExactly(null, "jsapi",
				"wx-card");
	}

	@Test
	void theAccessTokenIsTheOnlyKindThatIsNotATicket() {
		assertThat(Arrays.stream(TokenKind.values()).filter((kind) -> !kind.isTicket()))
			.containsExactly(TokenKind.ACCESS_TOKEN);
		assertThat(TokenKind.WX_CARD_TICKET.ticketType()).isEqualTo("wx_card");
		assertThat(TokenKind.JSAPI_TICKET.ticketType()).isEqualTo("jsapi");
	}

	@Test
	void redisKeySegmentsAreDistinct() {
		assertThat(Arrays.stream(TokenKind.values()).map(TokenKind::key)).doesNotHaveDuplicates()
			.contains("access_token", "jsapi_ticket", "wx_card_ticket");
	}

}
