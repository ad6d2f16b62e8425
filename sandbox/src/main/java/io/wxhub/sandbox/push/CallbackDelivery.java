package io.wxhub.sandbox.push;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.xml.XmlCodec;
import io.wxhub.sandbox.delivery.PushAttempt;
import io.wxhub.sandbox.push.CallbackClient.Answer;
import io.wxhub.sandbox.system.SandboxProperties;
import io.wxhub.sandbox.system.SandboxProperties.Account;
import io.wxhub.sandbox.system.SandboxProperties.Push;

import org.springframework.stereotype.Component;

/**
 * Delivers one message to an account's callback URL as WeChat does: at most
 * {@code sandbox.push.attempts} attempts, right after one another, each freshly signed
 * and bounded by {@code sandbox.push.timeout}. An attempt fails on timeout, connection
 * error or a status other than 2xx; the first 2xx answer ends the delivery, whatever its
 * body. The signed {@code timestamp} is the real time, as WeChat's servers send it, so
 * that moving the sandbox clock does not make pushes look replayed.
 */
@Component
class CallbackDelivery {

	private final XmlCodec xml = new XmlCodec();

	private final CallbackClient client;

	private final Push settings;

	private final Clock clock = Clock.systemUTC();

	CallbackDelivery(CallbackClient client, SandboxProperties properties) {
		this.client = client;
		this.settings = properties.push();
	}

	/**
	 * @param account the receiving account
	 * @param message the message, the same in every attempt
	 * @param drops how many first answers to lose on purpose
	 * @return the outcome
	 */
	Delivery deliver(Account account, InboundMessage message, int drops) {
		List<PushAttempt> attempts = new ArrayList<>();
		String failure = null;
		String sent = null;
		for (int attempt = 1; attempt <= this.settings.attempts(); attempt++) {
			Instant sentAt = this.clock.instant();
			SignedPush push = SignedPush.of(this.xml, account, message, sentAt.getEpochSecond());
			sent = push.encrypted() ? push.body() : null;
			long start = System.nanoTime();
			Answer answer = this.client.post(push.uri(), push.body(), this.settings.timeout());
			long elapsed = (System.nanoTime() - start) / 1_000_000;
			boolean dropped = attempt <= drops;
			attempts.add(new PushAttempt(attempt, sentAt, answer.status(), answer.error(), elapsed, dropped));
			if (dropped) {
				failure = "attempt " + attempt + ": answer dropped on purpose";
			}
			else if (answer.isSuccess()) {
				return new Delivery(attempts, answer.text(), push.encrypted(), null, sent);
			}
			else {
				failure = "attempt " + attempt + ": "
						+ ((answer.error() != null) ? answer.error() : "HTTP status " + answer.status());
			}
		}
		return new Delivery(attempts, null, false, failure, sent);
	}

	/**
	 * How a delivery ended.
	 *
	 * @param tries each attempt, in order
	 * @param body the body of the 2xx answer, {@code null} if every attempt failed
	 * @param encrypted whether the answered request was encrypted
	 * @param failure why the last attempt failed, {@code null} with an answer
	 * @param encryptedBody the body the last attempt sent, if it was encrypted
	 */
	record Delivery(List<PushAttempt> tries, String body, boolean encrypted, String failure, String encryptedBody) {

		int attempts() {
			return this.tries.size();
		}

	}

}
