package io.wxhub.tokenserver.token;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
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
 * or else issues a new numbered credential; every call is recorded. Access tokens stay
 * alive until {@link #kill} (someone else rotated them): then the liveness check and
 * {@code getticket} answer 40001.
 */
class ScriptedWeChat extends WeChatTokenClient {

	private final Deque<WeChatError> refusals = new ArrayDeque<>();

	private final List<String> calls = new ArrayList<>();

	private final Deque<WeChatError> checkRefusals = new ArrayDeque<>();

	private final List<String> checks = new ArrayList<>();

	private final Set<String> dead = new HashSet<>();

	private int issued;

	ScriptedWeChat(TokenServerProperties properties) {
		super(WeChatDomains.single("http://127.0.0.1:9"), properties, JsonMapper.builder().build());
	}

	/** A liveness check that asks this WeChat, its windows kept in memory. */
	LivenessCheck livenessCheck(TokenServerProperties properties, MeterRegistry meters, Clock clock) {
		InMemoryRotationStore rotations = new InMemoryRotationStore(properties);
		return new LivenessCheck(this, rotations, new ForeignRotations(meters, rotations, properties), properties,
				meters, clock);
	}

	/** Refuses the next calls with these errors, in order. */
	synchronized void refuseNext(WeChatError... errors) {
		this.refusals.addAll(List.of(errors));
	}

	/** Makes access tokens dead, as another party's token call does. */
	synchronized void kill(String... tokens) {
		this.dead.addAll(List.of(tokens));
	}

	/** Makes the next liveness checks fail with these errors, in order. */
	synchronized void refuseNextChecks(WeChatError... errors) {
		this.checkRefusals.addAll(List.of(errors));
	}

	/** The tokens of the liveness checks so far. */
	synchronized List<String> checks() {
		return List.copyOf(this.checks);
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
		if (this.dead.contains(accessToken)) {
			throw new WeChatException(new WeChatError(40001, "invalid credential rid: 1"));
		}
		return answer(type);
	}

	@Override
	public synchronized void checkAccessToken(String accessToken) {
		this.checks.add(accessToken);
		WeChatError refusal = this.checkRefusals.poll();
		if (refusal != null) {
			throw new WeChatException(refusal);
		}
		if (this.dead.contains(accessToken)) {
			throw new WeChatException(new WeChatError(40001, "invalid credential rid: 1"));
		}
	}

	private IssuedToken answer(String prefix) {
		WeChatError refusal = this.refusals.poll();
		if (refusal != null) {
			throw new WeChatException(refusal);
		}
		return new IssuedToken(prefix + "-" + (++this.issued), 7200);
	}

}
