package io.wxhub.messageservice.callback;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.wxhub.messageservice.push.MessageMetrics;
import io.wxhub.messageservice.push.PushPipeline;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.signature.WeChatSignature;
import io.wxhub.protocol.xml.XmlCodec;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The callback URL alone: signature and echostr, and the 400/403/404/413 answers as
 * problem+json; the pipeline behind it is a mock.
 */
@WebMvcTest(controllers = CallbackController.class,
		properties = { "message-service.apps[0].app-id=" + CallbackControllerTests.APP,
				"message-service.apps[0].original-id=gh_slice",
				"message-service.apps[0].token=" + CallbackControllerTests.TOKEN, "message-service.apps[0].mode=plain",
				"message-service.api-proxy.url=http://127.0.0.1:9", "message-service.api-proxy.client-key=unused",
				"message-service.max-body-size=1KB" })
@Import(CallbackControllerTests.Beans.class)
class CallbackControllerTests {

	static final String APP = "wxslice00000000001";

	static final String TOKEN = "slicetoken";

	private static final XmlCodec CODEC = new XmlCodec();

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private PushPipeline pipeline;

	@MockitoBean
	private MessageMetrics metrics;

	@Test
	void theUrlCheckEchoesWithTheRightSignature() throws Exception {
		String ts = now();
		this.mvc
			.perform(get("/wx/" + APP).param("signature", WeChatSignature.sign(TOKEN, ts, "n1"))
				.param("timestamp", ts)
				.param("nonce", "n1")
				.param("echostr", "4375120948345356249"))
			.andExpect(status().isOk())
			.andExpect(content().string("4375120948345356249"));
	}

	@Test
	void theUrlCheckWithAWrongSignatureIs403() throws Exception {
		this.mvc
			.perform(get("/wx/" + APP).param("signature", "0".repeat(40))
				.param("timestamp", now())
				.param("nonce", "n1")
				.param("echostr", "1"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:bad-signature"));
	}

	@Test
	void theUrlCheckWithoutEchostrIs400() throws Exception {
		String ts = now();
		this.mvc
			.perform(get("/wx/" + APP).param("signature", WeChatSignature.sign(TOKEN, ts, "n1"))
				.param("timestamp", ts)
				.param("nonce", "n1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:no-echostr"));
	}

	@Test
	void aPushWithABadSignatureIs403AndNeverReachesThePipeline() throws Exception {
		this.mvc
			.perform(post("/wx/" + APP).param("signature", "0".repeat(40))
				.param("timestamp", now())
				.param("nonce", "n1")
				.content(CODEC.renderMessage(text("hi"))))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Push refused"));
		verifyNoInteractions(this.pipeline);
	}

	@Test
	void aMalformedPushIs400() throws Exception {
		this.mvc.perform(signedPost("not xml at all"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:malformed-xml"));
		verifyNoInteractions(this.pipeline);
	}

	@Test
	void aPushOverTheSizeLimitIs413() throws Exception {
		this.mvc.perform(signedPost("<xml>" + "x".repeat(2048) + "</xml>"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:too-large"));
		verifyNoInteractions(this.pipeline);
	}

	@Test
	void aPushToAnUnknownAppIs404() throws Exception {
		this.mvc.perform(post("/wx/wxunknown").param("signature", "x").param("timestamp", "1").content("<xml/>"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:wxhub:problem:unknown-app"));
	}

	@Test
	void anAnswerKnownAtOnceIsWrittenWithoutAsyncDispatch() throws Exception {
		given(this.pipeline.process(eq(APP), any(), any(), any()))
			.willReturn(CompletableFuture.completedFuture("<xml>reply</xml>"));
		this.mvc.perform(signedPost(CODEC.renderMessage(text("hi"))))
			.andExpect(request().asyncNotStarted())
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
			.andExpect(content().string("<xml>reply</xml>"));
	}

	@Test
	void nothingToSayIsAnEmpty200() throws Exception {
		given(this.pipeline.process(eq(APP), any(), any(), any())).willReturn(CompletableFuture.completedFuture(""));
		this.mvc.perform(signedPost(CODEC.renderMessage(text("hi"))))
			.andExpect(status().isOk())
			.andExpect(content().string(""));
	}

	@Test
	void anAwaitedAnswerIsWrittenWhenItComes() throws Exception {
		CompletableFuture<String> later = new CompletableFuture<>();
		given(this.pipeline.process(eq(APP), any(), any(), any())).willReturn(later);
		MvcResult pending = this.mvc.perform(signedPost(CODEC.renderMessage(text("hi"))))
			.andExpect(request().asyncStarted())
			.andReturn();
		later.complete("<xml>late but in time</xml>");
		this.mvc.perform(asyncDispatch(pending))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
			.andExpect(content().string("<xml>late but in time</xml>"));
	}

	@Test
	void aFailureInThePipelineIsAnEmpty200NotA5xx() throws Exception {
		CompletableFuture<String> later = new CompletableFuture<>();
		given(this.pipeline.process(eq(APP), any(), any(), any())).willReturn(later);
		MvcResult pending = this.mvc.perform(signedPost(CODEC.renderMessage(text("hi"))))
			.andExpect(request().asyncStarted())
			.andReturn();
		later.completeExceptionally(new IllegalStateException("boom"));
		this.mvc.perform(asyncDispatch(pending)).andExpect(status().isOk()).andExpect(content().string(""));
		given(this.pipeline.process(eq(APP), any(), any(), any()))
			.willReturn(CompletableFuture.failedFuture(new IllegalStateException("boom")));
		this.mvc.perform(signedPost(CODEC.renderMessage(text("hi"))))
			.andExpect(status().isOk())
			.andExpect(content().string(""));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signedPost(String body) {
		String ts = now();
		return post("/wx/" + APP).param("signature", WeChatSignature.sign(TOKEN, ts, "n2"))
			.param("timestamp", ts)
			.param("nonce", "n2")
			.contentType(MediaType.TEXT_XML)
			.content(body);
	}

	private static TextMessage text(String content) {
		return new TextMessage(new MessageHeader("gh_slice", "oFollower", Instant.now().getEpochSecond()), content,
				42L);
	}

	private static String now() {
		return Long.toString(Instant.now().getEpochSecond());
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MessageServiceProperties.class)
	@Import({ Accounts.class, PushDecoder.class })
	static class Beans {

		@Bean
		XmlCodec xmlCodec() {
			return CODEC;
		}

		@Bean
		java.time.Clock clock() {
			return java.time.Clock.systemUTC();
		}

	}

}
