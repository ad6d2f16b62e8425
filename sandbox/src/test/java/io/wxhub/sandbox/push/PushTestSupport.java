package io.wxhub.sandbox.push;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import io.wxhub.sandbox.follower.DemoFollowers;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the push tests: a sandbox whose three accounts (plain, compatible, safe) push
 * to one {@link FakeDeveloperServer}, with a {@link #ATTEMPT_TIMEOUT} per attempt. The
 * server and the sandbox are shared by all push tests.
 */
public abstract class PushTestSupport extends SandboxTestSupport {

	protected static final CallbackAccount PLAIN = new CallbackAccount("wx7e5700000000a001", "plain-secret",
			"gh_pushplain001", "plaintoken", null, "plain");

	protected static final CallbackAccount COMPATIBLE = new CallbackAccount("wx7e5700000000a002", "compatible-secret",
			"gh_pushcompat01", "compattoken", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "compatible");

	protected static final CallbackAccount SAFE = new CallbackAccount("wx7e5700000000a003", "safe-secret",
			"gh_pushsafe0001", "safetoken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "safe");

	protected static final List<CallbackAccount> ACCOUNTS = List.of(PLAIN, COMPATIBLE, SAFE);

	protected static final FakeDeveloperServer SERVER = FakeDeveloperServer.start(PLAIN, COMPATIBLE, SAFE);

	/**
	 * How long one push attempt waits for the answer: long enough that an answer given at
	 * once is in time on a loaded machine; a late answer waits {@link #LATE_MILLIS}.
	 */
	protected static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

	/** How long a late answer waits: always past {@link #ATTEMPT_TIMEOUT}. */
	protected static final long LATE_MILLIS = ATTEMPT_TIMEOUT.toMillis() + 500;

	protected static final String UNAVAILABLE = "该公众号暂时无法提供服务，请稍后再试";

	@DynamicPropertySource
	static void pushAccounts(DynamicPropertyRegistry registry) {
		registry.add("sandbox.push.timeout", () -> ATTEMPT_TIMEOUT.toMillis() + "ms");
		for (int i = 0; i < ACCOUNTS.size(); i++) {
			CallbackAccount account = ACCOUNTS.get(i);
			String prefix = "sandbox.accounts[" + i + "].";
			registry.add(prefix + "app-id", account::appId);
			registry.add(prefix + "secret", account::secret);
			registry.add(prefix + "original-id", account::originalId);
			registry.add(prefix + "callback-url", () -> SERVER.url(account.appId()));
			registry.add(prefix + "token", account::token);
			registry.add(prefix + "mode", account::mode);
			if (account.aesKey() != null) {
				registry.add(prefix + "aes-key", account::aesKey);
			}
		}
	}

	@BeforeEach
	void clearServer() {
		SERVER.clear();
	}

	protected Reply send(CallbackAccount account, String openid, Map<String, ?> body) {
		return this.http.post("/sandbox/apps/{app}/followers/{openid}/send", body, account.appId(), openid);
	}

	protected static String follower(CallbackAccount account, int index) {
		return DemoFollowers.openid(account.appId(), index);
	}

	protected static CallbackAccount account(String mode) {
		return ACCOUNTS.stream().filter((account) -> account.mode().equals(mode)).findFirst().orElseThrow();
	}

}
