package io.wxhub.tokenserver.webauth;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxhub.tokenserver.client.CallerKeys;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.upstream.CodeExchangeAnswer;
import io.wxhub.tokenserver.upstream.WeChatOAuth2Client;
import io.wxhub.tokenserver.upstream.WeChatUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link CodeExchangeController}: guarded like the token reads, WeChat's answer passed on
 * byte for byte (refusals too), 400 for a missing code, 502/504 when WeChat gave no
 * answer, and a timer sample per exchange.
 */
@WebMvcTest(CodeExchangeController.class)
@Import(CodeExchangeControllerTests.Slice.class)
@TestPropertySource("classpath:controller-slice.properties")
class CodeExchangeControllerTests {

	private static final String PATH = "/v1/apps/{appId}/oauth2/access-token";

	private static final String APP = "wx00000000unit0001";

	private static final String OTHER_APP = "wx00000000unit0002";

	private static final String CLIENT_KEY = "unit-test-client-key-0123456789abcdef";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MeterRegistry meters;

	@MockitoBean
	private WeChatOAuth2Client wechat;

	@Test
	void passesWeChatsAnswerOnByteForByte() throws Exception {
		String body = "{\"access_token\":\"USER_TOKEN\",\"expires_in\":7200,\"refresh_token\":\"REFRESH\","
				+ "\"openid\":\"oOPENID\",\"scope\":\"snsapi_base\"}";
		given(this.wechat.exchangeCode(argThat((app) -> APP.equals(app.appId())), eq("the-code")))
			.willReturn(answer(body, 0));
		this.mvc.perform(authorized(post(PATH, APP)).content("{\"code\":\"the-code\"}"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(content().bytes(body.getBytes(StandardCharsets.UTF_8)));
		assertThat(count("ok", "0")).isEqualTo(1);
	}

	@Test
	void weChatsRefusalsAreAnswered200AsWeChatWroteThem() throws Exception {
		String body = "{\"errcode\":40163,\"errmsg\":\"code been used, rid: 0123-4567\"}";
		given(this.wechat.exchangeCode(any(), eq("used-code"))).willReturn(answer(body, 40163));
		this.mvc.perform(authorized(post(PATH, APP)).content("{\"code\":\"used-code\"}"))
			.andExpect(status().isOk())
			.andExpect(content().bytes(body.getBytes(StandardCharsets.UTF_8)));
		assertThat(count("wechat_error", "40163")).isEqualTo(1);
	}

	@Test
	void guardedLikeTheTokenReads() throws Exception {
		this.mvc.perform(post(PATH, APP).contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"c\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(authorized(post(PATH, OTHER_APP)).content("{\"code\":\"c\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:forbidden"));
		this.mvc.perform(authorized(post(PATH, "wxunknown")).content("{\"code\":\"c\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:unknown-app"));
		then(this.wechat).should(never()).exchangeCode(any(), any());
	}

	@Test
	void aMissingOrBlankCodeIs400() throws Exception {
		for (String body : new String[] { "{}", "{\"code\":\"  \"}", "{\"code\":null}", "not json" }) {
			this.mvc.perform(authorized(post(PATH, APP)).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		}
		then(this.wechat).should(never()).exchangeCode(any(), any());
	}

	@Test
	void noAnswerFromWeChatIs502Or504() throws Exception {
		given(this.wechat.exchangeCode(any(), eq("unreachable")))
			.willThrow(new WeChatUnavailableException(false, "No answer from WeChat (unreachable)"));
		given(this.wechat.exchangeCode(any(), eq("slow")))
			.willThrow(new WeChatUnavailableException(true, "No answer from WeChat (timeout)"));
		this.mvc.perform(authorized(post(PATH, APP)).content("{\"code\":\"unreachable\"}"))
			.andExpect(status().isBadGateway())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:upstream-unreachable"));
		this.mvc.perform(authorized(post(PATH, APP)).content("{\"code\":\"slow\"}"))
			.andExpect(status().isGatewayTimeout())
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:upstream-timeout"));
		assertThat(count("unreachable", "-1")).isEqualTo(1);
		assertThat(count("timeout", "-1")).isEqualTo(1);
	}

	private long count(String outcome, String errcode) {
		var timer = this.meters.find("wxhub.oauth2.code.exchanges")
			.tags("app", APP, "outcome", outcome, "errcode", errcode)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static CodeExchangeAnswer answer(String body, int errcode) {
		return new CodeExchangeAnswer(body.getBytes(StandardCharsets.UTF_8), errcode);
	}

	private static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + CLIENT_KEY).contentType(MediaType.APPLICATION_JSON);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TokenServerProperties.class)
	@Import({ CallerKeys.class, CodeExchangeMetrics.class })
	static class Slice {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
