package io.wxhub.tokenserver.token;

import java.time.Duration;

import io.wxhub.protocol.error.WeChatError;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.wxhub.tokenserver.token.ControllerSliceConfiguration.NOW;
import static io.wxhub.tokenserver.token.TestProperties.APP;
import static io.wxhub.tokenserver.token.TestProperties.CLIENT_KEY;
import static io.wxhub.tokenserver.token.TestProperties.OTHER_APP;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link AccessTokenController} and the problem answers of {@code system.ProblemAdvice}:
 * 401/403/404 for access, 503 with {@code Retry-After} and WeChat's errcode/errmsg, 400
 * for a malformed body.
 */
@WebMvcTest(AccessTokenController.class)
@Import(ControllerSliceConfiguration.class)
@TestPropertySource("classpath:controller-slice.properties")
class AccessTokenControllerTests {

	private static final String PATH = "/v1/apps/{appId}/access-token";

	private static final TokenKey KEY = new TokenKey(APP, TokenKind.ACCESS_TOKEN);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private TokenService tokens;

	@Test
	void servesTheTokenAndItsExpiry() throws Exception {
		given(this.tokens.get(KEY)).willReturn(token("the-token", 7000));
		this.mvc.perform(authorized(get(PATH, APP)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.appId").value(APP))
			.andExpect(jsonPath("$.accessToken").value("the-token"))
			.andExpect(jsonPath("$.expiresAt").value(NOW.plusSeconds(7000).toString()))
			.andExpect(jsonPath("$.expiresIn").value(7000));
	}

	@Test
	void noOrAnUnknownKeyIs401WithABearerChallenge() throws Exception {
		for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] { get(PATH, APP),
				get(PATH, APP).header("Authorization", "Bearer not-a-key"),
				get(PATH, APP).header("Authorization", "Basic " + CLIENT_KEY) }) {
			this.mvc.perform(request)
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "Bearer"))
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("urn:wxhub:problem:unauthenticated"))
				.andExpect(jsonPath("$.status").value(401));
		}
		then(this.tokens).should(never()).get(any());
	}

	@Test
	void anAppTheClientMayNotReadIs403() throws Exception {
		this.mvc.perform(authorized(get(PATH, OTHER_APP)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:forbidden"));
		this.mvc
			.perform(authorized(post(PATH + "/refresh", OTHER_APP)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"rejectedToken\":\"x\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUnknownAppIs404() throws Exception {
		this.mvc.perform(authorized(get(PATH, "wxunknown")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:unknown-app"))
			.andExpect(jsonPath("$.detail").value("No app wxunknown is configured"));
	}

	@Test
	void weChatsRefusalIs503WithItsErrcodeAndRetryAfterInWholeSeconds() throws Exception {
		given(this.tokens.get(KEY)).willThrow(new NoValidTokenException("No valid access_token",
				new WeChatError(40125, "invalid appsecret, rid: 1"), Duration.ofMillis(1500)));
		this.mvc.perform(authorized(get(PATH, APP)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "2"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:no-valid-token"))
			.andExpect(jsonPath("$.errcode").value(40125))
			.andExpect(jsonPath("$.errmsg").value("invalid appsecret, rid: 1"));
	}

	@Test
	void unavailableWithoutARefusalIs503WithoutErrcode() throws Exception {
		given(this.tokens.get(KEY)).willThrow(new NoValidTokenException("busy", null, Duration.ZERO));
		this.mvc.perform(authorized(get(PATH, APP)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.errcode").doesNotExist())
			.andExpect(jsonPath("$.errmsg").doesNotExist());
	}

	@Test
	void compareAndRefreshPassesTheRejectedToken() throws Exception {
		given(this.tokens.refreshRejected(KEY, "old-token")).willReturn(token("new-token", 7100));
		this.mvc
			.perform(authorized(post(PATH + "/refresh", APP)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"rejectedToken\":\"old-token\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accessToken").value("new-token"));
	}

	@Test
	void aMalformedRefreshIs400() throws Exception {
		for (String body : new String[] { "{}", "not json", "{\"rejectedToken\":\"\"}" }) {
			this.mvc
				.perform(authorized(post(PATH + "/refresh", APP)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		}
		then(this.tokens).should(never()).refreshRejected(any(), any());
	}

	static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + CLIENT_KEY);
	}

	static StoredToken token(String value, long secondsLeft) {
		return new StoredToken(value, NOW.minusSeconds(100), NOW.plusSeconds(secondsLeft),
				NOW.plusSeconds(secondsLeft - 600));
	}

}
