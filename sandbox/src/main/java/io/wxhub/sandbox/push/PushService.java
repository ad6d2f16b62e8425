package io.wxhub.sandbox.push;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

import io.wxhub.protocol.message.ClickEvent;
import io.wxhub.protocol.message.InboundEvent;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.ScanEvent;
import io.wxhub.protocol.message.SubscribeEvent;
import io.wxhub.protocol.message.TemplateSendJobFinishEvent;
import io.wxhub.protocol.message.UnsubscribeEvent;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.xml.XmlCodec;
import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.conversation.ConversationEntry;
import io.wxhub.sandbox.conversation.ConversationEntry.Direction;
import io.wxhub.sandbox.conversation.ConversationEntry.Kind;
import io.wxhub.sandbox.conversation.Conversations;
import io.wxhub.sandbox.delivery.DeliveryLog;
import io.wxhub.sandbox.follower.FollowerRegistry;
import io.wxhub.sandbox.follower.Interaction;
import io.wxhub.sandbox.push.CallbackDelivery.Delivery;
import io.wxhub.sandbox.push.PushResult.Outcome;
import io.wxhub.sandbox.push.ReplyReader.ReadReply;
import io.wxhub.sandbox.system.SandboxProperties.Account;

import org.springframework.stereotype.Component;

/**
 * A simulated follower sends something: the follower registry learns of the interaction
 * (which opens customer-service windows as WeChat's do), the message is pushed to the
 * account's callback URL, the conversation records both sides, and the delivery log what
 * happened on the way.
 */
@Component
class PushService {

	private static final Pattern OPENID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final XmlCodec xml = new XmlCodec();

	private final AccountRegistry accounts;

	private final FollowerRegistry followers;

	private final InboundMessages messages;

	private final CallbackDelivery delivery;

	private final Conversations conversations;

	private final DeliveryLog deliveries;

	private final Clock clock;

	PushService(AccountRegistry accounts, FollowerRegistry followers, InboundMessages messages,
			CallbackDelivery delivery, Conversations conversations, DeliveryLog deliveries, Clock clock) {
		this.deliveries = deliveries;
		this.accounts = accounts;
		this.followers = followers;
		this.messages = messages;
		this.delivery = delivery;
		this.conversations = conversations;
		this.clock = clock;
	}

	/**
	 * @param appId the receiving app
	 * @param openid the sending follower, added if unknown
	 * @param send what they send
	 * @return how it went
	 * @throws InvalidRequestException for a bad request or an account without callback
	 */
	PushResult send(String appId, String openid, SendRequest send) {
		Account account = this.accounts.require(appId);
		if (!OPENID.matcher(openid).matches()) {
			throw new InvalidRequestException("An openid is 1 to 64 characters of [A-Za-z0-9_-]");
		}
		if (account.callbackUrl() == null || account.token() == null || account.originalId() == null) {
			throw new InvalidRequestException(
					"Account " + appId + " needs callback-url, token and original-id to push");
		}
		Instant now = this.clock.instant();
		Instant started = Instant.now();
		InboundMessage message = this.messages.build(account, openid, send, now);
		recordInteraction(appId, openid, message, now);
		String plainXml = this.xml.renderMessage(message);
		record(appId, openid, Direction.IN, Kind.MESSAGE, message.msgType(), FollowerScreen.summary(message), plainXml);
		Delivery delivered = this.delivery.deliver(account, message, send.drops());
		String body = delivered.body();
		ReadReply read = (body != null && !isEmptyAnswer(body))
				? ReplyReader.read(this.xml, account, openid, body, delivered.encrypted()) : null;
		PushResult result = answer(account, openid, message, delivered, read);
		long id = this.deliveries.nextId();
		this.deliveries.record(DeliveryRecords.of(id, started, account, message, plainXml, delivered, read, result));
		return result.withDeliveryId(id);
	}

	// WeChat shows nothing for events the follower did not trigger in the chat
	private PushResult answer(Account account, String openid, InboundMessage message, Delivery delivered,
			ReadReply read) {
		String appId = account.appId();
		boolean visible = !(message instanceof UnsubscribeEvent || message instanceof TemplateSendJobFinishEvent);
		String body = delivered.body();
		if (body != null && isEmptyAnswer(body)) {
			return new PushResult(Outcome.EMPTY, delivered.attempts(), message.msgId(), null, null, body, null, null,
					null);
		}
		if (read != null && read.problem() == null) {
			Reply reply = read.reply().reply();
			String shown = visible ? FollowerScreen.shown(reply, !(message instanceof InboundEvent)) : null;
			if (shown != null) {
				record(appId, openid, Direction.OUT, Kind.PASSIVE_REPLY, reply.msgType(), shown, read.plaintext());
			}
			return new PushResult(Outcome.REPLY, delivered.attempts(), message.msgId(), ReplyView.of(reply),
					read.plaintext(), body, shown, null, null);
		}
		if (visible) {
			record(appId, openid, Direction.OUT, Kind.UNAVAILABLE, "text", FollowerScreen.UNAVAILABLE, body);
		}
		return new PushResult(Outcome.UNAVAILABLE, delivered.attempts(), message.msgId(), null,
				(read != null) ? read.plaintext() : null, body, visible ? FollowerScreen.UNAVAILABLE : null,
				(read != null) ? read.problem() : delivered.failure(), null);
	}

	static boolean isEmptyAnswer(String body) {
		return body.isEmpty() || body.equals("success");
	}

	private void recordInteraction(String appId, String openid, InboundMessage message, Instant now) {
		if (message instanceof SubscribeEvent subscribe) {
			this.followers.recordInteraction(appId, openid, Interaction.SUBSCRIBE, now);
			if (subscribe.qrScene() != null) {
				this.followers.recordInteraction(appId, openid, Interaction.QR_SCAN, now);
			}
		}
		else if (message instanceof UnsubscribeEvent) {
			this.followers.save(appId, openid, null, false);
		}
		else if (message instanceof ScanEvent) {
			this.followers.recordInteraction(appId, openid, Interaction.QR_SCAN, now);
		}
		else if (message instanceof ClickEvent) {
			this.followers.recordInteraction(appId, openid, Interaction.MENU_CLICK, now);
		}
		else if (message instanceof InboundEvent) {
			// known from now on, but these events open no window
			this.followers.save(appId, openid, null, null);
		}
		else {
			this.followers.recordInteraction(appId, openid, Interaction.MESSAGE, now);
		}
	}

	private void record(String appId, String openid, Direction direction, Kind kind, String msgType, String summary,
			Object body) {
		this.conversations.record(appId, openid,
				new ConversationEntry(this.clock.instant(), direction, kind, msgType, summary, body));
	}

}
