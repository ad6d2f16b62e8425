package io.wxhub.tokenserver.token;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static io.wxhub.tokenserver.token.AccessTokenControllerTests.authorized;
import static io.wxhub.tokenserver.token.AccessTokenControllerTests.token;
import static io.wxhub.tokenserver.token.TestProperties.APP;
import static io.wxhub.tokenserver.token.TestProperties.OTHER_APP;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@link TicketController}: one read per ticket kind, guarded like the access token. */
@WebMvcTest(TicketController.class)
@Import(ControllerSliceConfiguration.class)
@TestPropertySource("classpath:controller-slice.properties")
class TicketControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private TokenService tokens;

	@Test
	void servesEachTicketKindAtItsOwnPath() throws Exception {
		given(this.tokens.get(new TokenKey(APP, TokenKind.JSAPI_TICKET))).willReturn(token("jsapi-ticket", 7000));
		given(this.tokens.get(new TokenKey(APP, TokenKind.WX_CARD_TICKET))).willReturn(token("card-ticket", 6000));
		this.mvc.perform(authorized(get("/v1/apps/{appId}/jsapi-ticket", APP)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.appId").value(APP))
			.andExpect(jsonPath("$.ticket").value("jsapi-ticket"))
			.andExpect(jsonPath("$.expiresIn").value(7000));
		this.mvc.perform(authorized(get("/v1/apps/{appId}/wx-card-ticket", APP)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.appId").value(APP))
			.andExpect(jsonPath("$.ticket").value("card-ticket"))
			.andExpect(jsonPath("$.expiresAt").value(ControllerSliceConfiguration.NOW.plusSeconds(6000).toString()))
			.andExpect(jsonPath("$.expiresIn").value(6000));
	}

	@Test
	void ticketsAreGuardedLikeTheAccessToken() throws Exception {
		this.mvc.perform(get("/v1/apps/{appId}/wx-card-ticket", APP))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(authorized(get("/v1/apps/{appId}/wx-card-ticket", OTHER_APP)))
			.andExpect(status().isForbidden());
		this.mvc.perform(authorized(get("/v1/apps/{appId}/wx-card-ticket", "wxunknown")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:unknown-app"));
		then(this.tokens).should(never()).get(any());
	}

	@Test
	void anUnknownTicketNameIs404() throws Exception {
		for (String name : new String[] { "access", "wx_card", "card" }) {
			this.mvc.perform(authorized(get("/v1/apps/{appId}/{name}-ticket", APP, name)))
				.andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		}
		then(this.tokens).should(never()).get(any());
	}

}
