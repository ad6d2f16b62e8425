package io.wxhub.messageservice.routing;

import java.util.Optional;

import io.wxhub.protocol.message.ImageMessage;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.message.VideoMessage;
import io.wxhub.protocol.message.VoiceMessage;
import io.wxhub.protocol.reply.ImageReply;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.reply.TextReply;
import io.wxhub.protocol.reply.VideoReply;
import io.wxhub.protocol.reply.VoiceReply;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/** Runs the actions rules name. */
@Component
class Actions {

	private final ForwardAction forward;

	private final BeanFactory beans;

	Actions(ForwardAction forward, BeanFactory beans) {
		this.forward = forward;
		this.beans = beans;
	}

	Optional<Reply> run(RuleAction action, String appId, InboundMessage message) {
		return switch (action.type()) {
			case REPLY -> Optional.of(Replies.from(action.reply(), (text) -> Placeholders.fill(text, appId, message)));
			case ECHO -> echo(message);
			case FORWARD -> this.forward.call(action, appId, message);
			case BEAN -> this.beans.getBean(action.bean(), MessageHandler.class).handle(appId, message);
			case NONE -> Optional.empty();
		};
	}

	/**
	 * The same content back; media by the MediaId WeChat gave, so nothing is uploaded
	 * again.
	 */
	private static Optional<Reply> echo(InboundMessage message) {
		if (message instanceof TextMessage text) {
			return Optional.of(new TextReply(text.content()));
		}
		if (message instanceof ImageMessage image) {
			return Optional.of(new ImageReply(image.mediaId()));
		}
		if (message instanceof VoiceMessage voice) {
			return Optional.of(new VoiceReply(voice.mediaId()));
		}
		if (message instanceof VideoMessage video) {
			return Optional.of(new VideoReply(video.mediaId(), null, null));
		}
		return Optional.empty();
	}

}
