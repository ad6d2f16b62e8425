package io.wxhub.sandbox.push;

import java.time.Instant;
import java.util.List;

import io.wxhub.protocol.message.InboundEvent;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.sandbox.delivery.PushDelivery;
import io.wxhub.sandbox.delivery.ReplyCheck;
import io.wxhub.sandbox.push.CallbackDelivery.Delivery;
import io.wxhub.sandbox.push.PushResult.Outcome;
import io.wxhub.sandbox.push.ReplyReader.ReadReply;
import io.wxhub.sandbox.system.SandboxProperties.Account;

/**
 * Turns one finished push into its entry of the delivery log.
 */
final class DeliveryRecords {

	private DeliveryRecords() {
	}

	/**
	 * @param id the entry's id
	 * @param started when the push started (real time)
	 * @param account the receiving account
	 * @param message what was pushed
	 * @param plainXml the message XML before encryption
	 * @param delivered how the attempts went
	 * @param read the checked answer, {@code null} without one to check
	 * @param result what the follower saw
	 * @return the entry
	 */
	static PushDelivery of(long id, Instant started, Account account, InboundMessage message, String plainXml,
			Delivery delivered, ReadReply read, PushResult result) {
		String event = (message instanceof InboundEvent inbound) ? inbound.event() : null;
		return new PushDelivery(id, started, account.appId(), message.fromUserName(), message.msgType(), event,
				message.msgId(), account.mode().name().toLowerCase(), plainXml, delivered.encryptedBody(),
				delivered.tries(), delivered.body(), result.rawReply(), checks(read, result), result.outcome().value(),
				result.shown(), result.problem());
	}

	// WeChat takes "success" or an empty body as "nothing to say" without checking more
	private static List<ReplyCheck> checks(ReadReply read, PushResult result) {
		if (result.outcome() == Outcome.EMPTY) {
			return List.of(ReplyCheck.pass("empty", result.responseBody().isEmpty() ? "an empty body: nothing to show"
					: "\"success\": nothing to show"));
		}
		return (read != null) ? read.checks() : List.of();
	}

}
