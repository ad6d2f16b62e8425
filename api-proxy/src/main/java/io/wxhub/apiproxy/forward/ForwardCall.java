package io.wxhub.apiproxy.forward;

import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.wxhub.apiproxy.credential.ProxyToken;
import io.wxhub.apiproxy.system.ApiProxyProperties.Client;
import io.wxhub.apiproxy.tokens.TokenUnavailableException;
import io.wxhub.protocol.error.WeChatErrorCode;

import org.springframework.http.HttpStatus;

/**
 * One call through the proxy, on the caller's event loop: checked, sent to WeChat with
 * the real token, and answered. JSON answers (small) are read whole to find WeChat's
 * errcode: on 40001/40014/42001 the token server compare-and-refreshes the rejected token
 * and the call is sent once more; a GET answered -1 is sent once more. Anything else
 * (media downloads) streams through.
 */
final class ForwardCall implements Upstream.Listener {

	/** JSON answers larger than this are streamed without looking for an errcode. */
	private static final int INSPECTED_LIMIT = 1 << 20;

	private final Forwarding with;

	private final Caller caller;

	private final HttpRequest request;

	private final String rawPath;

	private final ByteBuf body;

	private final long started = System.nanoTime();

	private String path;

	private String query;

	private Client client;

	private String appId;

	private String token;

	private boolean retried;

	private HttpResponse head;

	private Channel connection;

	private boolean streaming;

	private CompositeByteBuf inspected;

	ForwardCall(Forwarding with, Caller caller, HttpRequest request, String rawPath, ByteBuf body) {
		this.with = with;
		this.caller = caller;
		this.request = request;
		this.rawPath = rawPath;
		this.body = body;
	}

	void start() {
		try {
			this.path = this.with.paths.checkPlain(this.rawPath);
		}
		catch (ProxyProblem ex) {
			finish(Answers.problem(ex, this.rawPath), "refused", -1);
			return;
		}
		String uri = this.request.uri();
		int mark = uri.indexOf('?');
		ForwardedMessages.Query query = ForwardedMessages.Query.of((mark < 0) ? null : uri.substring(mark + 1));
		this.query = query.kept();
		String presented = query.presented();
		if (presented == null) {
			refuse(41001, "access_token missing", "access-token-missing");
			return;
		}
		ProxyToken proxyToken = this.with.proxyTokens.verify(presented).orElse(null);
		this.client = (proxyToken != null) ? this.with.clients.byId(proxyToken.clientId()).orElse(null) : null;
		if (this.client == null || !this.client.apps().contains(proxyToken.appId())) {
			this.client = null;
			refuse(40001, "invalid credential, access_token is invalid or not latest", "bad-proxy-token");
			return;
		}
		this.appId = proxyToken.appId();
		if (!this.with.paths.allowed(this.client.allow(), this.path)) {
			refuse(48001, "api unauthorized", "path-not-allowed");
			return;
		}
		if (this.client.rateLimit() <= 0) {
			withRealToken();
			return;
		}
		this.with.rateLimits.tryAcquireAsync(this.client).whenComplete((admitted, ex) -> onLoop(() -> {
			if (Boolean.FALSE.equals(admitted)) {
				refuse(45011, "api minute-quota reach limit, must slower, retry next minute", "rate-limited");
			}
			else {
				withRealToken();
			}
		}));
	}

	private void withRealToken() {
		String cached = this.with.accessTokens.cached(this.appId);
		if (cached != null) {
			send(cached);
			return;
		}
		sendWithTokenFromServer(() -> this.with.accessTokens.current(this.appId));
	}

	/** Asks the token server off the event loop, then sends (or answers 503) on it. */
	private void sendWithTokenFromServer(Supplier<String> tokenServer) {
		this.with.offLoop(() -> {
			try {
				String fetched = tokenServer.get();
				onLoop(() -> send(fetched));
			}
			catch (RuntimeException ex) {
				TokenUnavailableException unavailable = (ex instanceof TokenUnavailableException known) ? known
						: new TokenUnavailableException(-1);
				onLoop(() -> noToken(unavailable));
			}
		});
	}

	private void send(String realToken) {
		this.token = realToken;
		this.head = null;
		FullHttpRequest upstream = ForwardedMessages.toWeChat(this.request, this.path, this.query, realToken,
				this.body.retainedDuplicate(), this.with.wechat.hostHeader());
		this.with.wechat.send(this.caller.loop(), upstream, this);
	}

	@Override
	public void head(HttpResponse answer, Channel connection) {
		this.head = answer;
		this.connection = connection;
		String type = String.valueOf(answer.headers().get(HttpHeaderNames.CONTENT_TYPE));
		long length = HttpUtil.getContentLength(answer, -1L);
		boolean jsonLike = type.contains("json") || type.startsWith("text/plain");
		if (jsonLike && length <= INSPECTED_LIMIT) {
			this.inspected = connection.alloc().compositeBuffer(64);
			return;
		}
		this.streaming = true;
		this.caller.answerHead(ForwardedMessages.relayedHead(answer, length));
	}

	@Override
	public void content(HttpContent part, boolean last) {
		if (this.streaming) {
			stream(part, last);
			return;
		}
		this.inspected.addComponent(true, part.content());
		if (this.inspected.readableBytes() > INSPECTED_LIMIT) {
			// A chunked answer that is larger than announced JSON: stream the rest.
			this.streaming = true;
			this.caller.answerHead(ForwardedMessages.relayedHead(this.head, -1));
			ByteBuf read = this.inspected;
			this.inspected = null;
			stream(last ? new DefaultLastHttpContent(read) : new DefaultHttpContent(read), last);
			return;
		}
		if (last) {
			answered();
		}
	}

	private void stream(HttpContent part, boolean last) {
		if (last) {
			this.body.release();
			audit("ok", 0, this.head.status().code());
		}
		this.caller.answerPart(part, last);
		if (!last) {
			pauseWhileCallerIsSlow();
		}
	}

	private void answered() {
		ByteBuf bytes = this.inspected;
		this.inspected = null;
		int errcode = ErrcodeScanner.errcode(bytes);
		if (!this.retried && isTokenRejection(errcode)) {
			bytes.release();
			this.retried = true;
			String rejected = this.token;
			sendWithTokenFromServer(() -> this.with.accessTokens.replaceRejected(this.appId, rejected));
			return;
		}
		if (!this.retried && errcode == -1 && this.request.method().equals(HttpMethod.GET)) {
			bytes.release();
			this.retried = true;
			send(this.token);
			return;
		}
		DefaultFullHttpResponse whole = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, this.head.status(), bytes);
		ForwardedMessages.copyRelayedHeaders(this.head, whole.headers());
		whole.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.readableBytes());
		finish(whole, (errcode == 0) ? "ok" : "wechat_error", errcode);
	}

	@Override
	public void failed(Upstream.Failure failure) {
		if (this.streaming) {
			// The caller has the head already: all that is left is to cut the answer
			// short.
			this.body.release();
			audit("failed", -1, this.head.status().code());
			this.caller.abort();
			return;
		}
		if (this.inspected != null) {
			this.inspected.release();
			this.inspected = null;
		}
		ProxyProblem problem = (failure == Upstream.Failure.TIMEOUT)
				? new ProxyProblem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "WeChat did not answer in time",
						"No answer within " + this.with.readTimeoutMillis + " ms")
				: new ProxyProblem(HttpStatus.BAD_GATEWAY, "upstream-unreachable", "WeChat is unreachable",
						"The connection to WeChat failed");
		finish(Answers.problem(problem, this.path), "failed", -1);
	}

	private void noToken(TokenUnavailableException ex) {
		var answer = Answers.problem(503, "no-access-token", "No access token available", ex.getMessage(), this.path);
		answer.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
		finish(answer, "failed", -1);
	}

	private void refuse(int errcode, String errmsg, String reason) {
		finish(Answers.refusal(errcode, errmsg, reason), "refused", errcode);
	}

	private void finish(FullHttpResponse answer, String outcome, int errcode) {
		this.body.release();
		// Audited before the answer leaves, so the line exists once the caller has it.
		audit(outcome, errcode, answer.status().code());
		this.caller.answer(answer);
	}

	private void audit(String outcome, int errcode, int status) {
		if (this.path == null) {
			return;
		}
		this.with.audit.record((this.client != null) ? this.client.id() : "-", (this.appId != null) ? this.appId : "-",
				this.path, this.request.method().name(), outcome, errcode, status, this.retried, this.started);
	}

	/** Big downloads: WeChat's connection stops reading while the caller's is full. */
	private void pauseWhileCallerIsSlow() {
		Channel connection = this.connection;
		if (!this.caller.writable() && connection.config().isAutoRead()) {
			connection.config().setAutoRead(false);
			this.caller.whenWritable(() -> connection.config().setAutoRead(true));
		}
	}

	private void onLoop(Runnable step) {
		this.caller.loop().execute(step);
	}

	private static boolean isTokenRejection(int errcode) {
		return WeChatErrorCode.of(errcode).map(WeChatErrorCode::isTokenInvalid).orElse(false);
	}

}
