package io.wxhub.sandbox.push;

import java.time.Clock;

import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.xml.XmlCodec;
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
		String failure = null;
		for (int attempt = 1; attempt <= this.settings.attempts(); attempt++) {
			SignedPush push = SignedPush.of(this.xml, account, message, this.clock.instant().getEpochSecond());
			Answer answer = this.client.post(push.uri(), push.body(), this.settings.timeout());
			if (attempt <= drops) {
				failure = "attempt " + attempt + ": answer dropped on purpose";
			}
			else if (answer.isSuccess()) {
				return new Delivery(attempt, answer.text(), push.encrypted(), null);
			}
			else {
				failure = "attempt " + attempt + ": "
						+ ((answer.error() != null) ? answer.error() : "HTTP status " + answer.status());
			}
		}
		return new Delivery(this.settings.attempts(), null, false, failure);
	}

	/**
	 * How a delivery ended.
	 *
	 * @param attempts how many requests were sent
	 * @param body the body of the 2xx answer, {@code null} if every attempt failed
	 * @param encrypted whether the answered request was encrypted
	 * @param failure why the last attempt failed, {@code null} with an answer
	 */
	record Delivery(int attempts, String body, boolean encrypted, String failure) {

	}

}
