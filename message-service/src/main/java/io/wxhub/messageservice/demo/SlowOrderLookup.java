package io.wxhub.messageservice.demo;

import java.time.Duration;
import java.util.Optional;

import io.wxhub.messageservice.routing.MessageHandler;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.reply.TextReply;

import org.springframework.stereotype.Component;

/**
 * The seed conversation's slow backend: an "order lookup" that takes longer than the 5 s
 * WeChat waits for a passive reply, so that its answer shows the late path — delivered as
 * a customer-service message once ready, while WeChat got an empty answer in time. Named
 * by the {@code order-lookup} rules of {@code message-service.yml}.
 */
@Component("slowOrderLookup")
class SlowOrderLookup implements MessageHandler {

	/** Past WeChat's 5 s and the service's 4.5 s deadline, with room to spare. */
	static final Duration LOOKUP_TIME = Duration.ofSeconds(6);

	@Override
	public Optional<Reply> handle(String appId, InboundMessage message) {
		try {
			Thread.sleep(LOOKUP_TIME.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		return Optional
			.of(new TextReply("你的订单已发货。这条回复查了 " + LOOKUP_TIME.toSeconds() + " 秒，超过了微信等待被动回复的 5 秒，所以改由客服消息送达"));
	}

}
