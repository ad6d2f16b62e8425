package io.wxhub.tokenserver.token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.wxhub.domains.WeChatDomains;
import io.wxhub.protocol.error.WeChatError;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;
import io.wxhub.tokenserver.upstream.IssuedToken;
import io.wxhub.tokenserver.upstream.WeChatTokenClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's token endpoints as a script: each call takes the next queued refusal, if any,
 * or else issues a new numbered credential; every call is recorded.
 */
class ScriptedWeChat extends WeChatTokenClient {

	private final Deque<WeChatError> refusals = new ArrayDeque<>();

	private final List<String> calls = new ArrayList<>();

	private int issued;

	ScriptedWeChat(TokenServerProperties properties) {
		super(WeChatDomains.single("http://127.0.0.1:9"), properties, JsonMapper.builder().build());
	}

	/** Refuses the next calls with these errors, in order. */
	synchronized void refuseNext(WeChatError... errors) {
		this.refusals.addAll(List.of(errors));
	}

	/**
	 * The calls so far: {@code token} or {@code ticket:<type>:<access token>}.
	 */
	synchronized List<String> calls() {
		return List.copyOf(this.calls);
	}

	@Override
	public synchronized IssuedToken fetchAccessToken(App app, boolean forceRefresh) {
		this.calls.add("token");
		return answer("at");
	}

	@Override
	public synchronized IssuedToken fetchTicket(String type, String accessToken) {
		this.calls.add("ticket:" + type + ":" + accessToken);
		return answer(type);
	}

	private IssuedToken answer(String prefix) {
		WeChatError refusal = this.refusals.poll();
		if (refusal != null) {
			throw new WeChatException(refusal);
		}
		return new IssuedToken(prefix + "-" + (++this.issued), 7200);
	}

}
