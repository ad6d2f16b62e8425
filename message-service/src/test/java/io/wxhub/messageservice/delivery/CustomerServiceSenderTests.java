package io.wxhub.messageservice.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.messageservice.system.MessageServiceProperties.ApiProxy;
import io.wxhub.messageservice.system.MessageServiceProperties.App;
import io.wxhub.messageservice.system.MessageServiceProperties.Mode;
import io.wxhub.protocol.reply.TextReply;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** What a late reply's delivery counts, sent or not. */
class CustomerServiceSenderTests {

	private static final String APP = "wx00000000late0001";

	private static final String OTHER_APP = "wx00000000late0002";

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final Proxy proxy = new Proxy();

	private final CustomerServiceSender sender = new CustomerServiceSender(this.proxy, properties(), this.meters,
			Clock.systemUTC());

	@Test
	void countersExistAtZeroForEveryAppFromTheStart() {
		for (String app : List.of(APP, OTHER_APP)) {
			assertThat(failures(app)).isZero();
			assertThat(sent(app)).isZero();
		}
	}

	@Test
	void aReplyWeChatRefusesIsALateReplyFailure() {
		// 45015: the follower has not written within 48 hours
		this.proxy.answer = Map.of("errcode", 45015, "errmsg", "response out of time limit");
		this.sender.send(APP, "o-follower", new TextReply("late"));
		assertThat(failures(APP)).isOne();
		assertThat(this.meters.get("wxhub.messages.deferred")
			.tags("app", APP, "outcome", "errcode_45015")
			.counter()
			.count()).isOne();
		assertThat(sent(APP)).isZero();
		assertThat(failures(OTHER_APP)).isZero();

		this.proxy.answer = Map.of("errcode", 0, "errmsg", "ok");
		this.sender.send(APP, "o-follower", new TextReply("late"));
		assertThat(sent(APP)).isOne();
		assertThat(failures(APP)).isOne();
	}

	private double failures(String app) {
		return this.meters.get("wxhub.messages.late.reply.failures").tag("app", app).counter().count();
	}

	private double sent(String app) {
		return this.meters.get("wxhub.messages.deferred").tags("app", app, "outcome", "sent").counter().count();
	}

	private static MessageServiceProperties properties() {
		List<App> apps = List.of(new App(APP, "gh_late00000001", "token", null, Mode.PLAIN),
				new App(OTHER_APP, "gh_late00000002", "token", null, Mode.PLAIN));
		return new MessageServiceProperties(apps, new ApiProxy("http://127.0.0.1:1", "late-client-key"), List.of(),
				Duration.ofMillis(4500), Duration.ofMinutes(5), DataSize.ofKilobytes(64), Duration.ofMinutes(10),
				"unused", Duration.ofMillis(250),
				new MessageServiceProperties.Actions(4, 16, 1, Duration.ofSeconds(1)));
	}

	/** The api-proxy as the sender sees it: a proxy token, then the scripted answer. */
	private static final class Proxy implements ApiProxyClient {

		private volatile Map<String, Object> answer;

		@Override
		public Map<String, Object> token(String appId, String clientKey) {
			return Map.of("access_token", "proxy-token", "expires_in", 7200);
		}

		@Override
		public Map<String, Object> sendCustomMessage(String accessToken, Map<String, Object> message) {
			return this.answer;
		}

	}

}
