package io.wxhub.sandbox.push;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.wxhub.protocol.message.ClickEvent;
import io.wxhub.protocol.message.ImageMessage;
import io.wxhub.protocol.message.InboundEvent;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.LinkMessage;
import io.wxhub.protocol.message.LocationEvent;
import io.wxhub.protocol.message.LocationMessage;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.message.ScanEvent;
import io.wxhub.protocol.message.ShortVideoMessage;
import io.wxhub.protocol.message.SubscribeEvent;
import io.wxhub.protocol.message.TemplateSendJobFinishEvent;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.message.UnsubscribeEvent;
import io.wxhub.protocol.message.VideoMessage;
import io.wxhub.protocol.message.ViewEvent;
import io.wxhub.protocol.message.VoiceMessage;
import io.wxhub.protocol.signature.Nonces;
import io.wxhub.sandbox.qrcode.QrCodes;
import io.wxhub.sandbox.qrcode.QrScene;
import io.wxhub.sandbox.system.SandboxProperties.Account;

import org.springframework.stereotype.Component;

/**
 * Turns a {@link SendRequest} into the message WeChat would push, filling in what a real
 * client would have: media ids, picture links, QR tickets, message ids.
 */
@Component
class InboundMessages {

	private static final String PIC_URL = "http://mmbiz.qpic.cn/mmbiz_jpg/";

	private final QrCodes qrCodes;

	// 17-digit ids like WeChat's, unique within the JVM run
	private final AtomicLong nextMsgId = new AtomicLong(System.currentTimeMillis() * 10_000);

	InboundMessages(QrCodes qrCodes) {
		this.qrCodes = qrCodes;
	}

	/**
	 * @param account the receiving account
	 * @param openid the sender
	 * @param send what they send
	 * @param now the sandbox's now
	 * @return the message
	 * @throws InvalidRequestException for an unknown type or a missing field
	 */
	InboundMessage build(Account account, String openid, SendRequest send, Instant now) {
		long createTime = (send.createTime() != null) ? send.createTime() : now.getEpochSecond();
		MessageHeader header = new MessageHeader(account.originalId(), openid, createTime);
		String msgType = required(send.msgType(), "msgType").toLowerCase(Locale.ROOT);
		if (InboundEvent.MSG_TYPE.equals(msgType)) {
			return event(account.appId(), header, send);
		}
		Long msgId = (send.msgId() != null) ? send.msgId() : this.nextMsgId.incrementAndGet();
		return switch (msgType) {
			case TextMessage.TYPE -> new TextMessage(header, required(send.content(), "content"), msgId);
			case ImageMessage.TYPE -> new ImageMessage(header,
					or(send.picUrl(), PIC_URL + Nonces.alphanumeric(40) + "/0"), media(send.mediaId()), msgId);
			case VoiceMessage.TYPE -> new VoiceMessage(header, media(send.mediaId()), or(send.format(), "amr"),
					send.recognition(), null, msgId, Map.of());
			case VideoMessage.TYPE ->
				new VideoMessage(header, media(send.mediaId()), media(send.thumbMediaId()), msgId);
			case ShortVideoMessage.TYPE ->
				new ShortVideoMessage(header, media(send.mediaId()), media(send.thumbMediaId()), msgId);
			case LocationMessage.TYPE -> new LocationMessage(header, required(send.latitude(), "latitude"),
					required(send.longitude(), "longitude"), (send.scale() != null) ? send.scale() : 20,
					or(send.label(), ""), msgId);
			case LinkMessage.TYPE -> new LinkMessage(header, required(send.title(), "title"),
					required(send.description(), "description"), required(send.url(), "url"), msgId);
			default -> throw new InvalidRequestException("Unknown msgType '" + send.msgType() + "'");
		};
	}

	private InboundEvent event(String appId, MessageHeader header, SendRequest send) {
		String event = required(send.event(), "event");
		return switch (event.toUpperCase(Locale.ROOT)) {
			case "SUBSCRIBE" -> subscribe(appId, header, send);
			case "UNSUBSCRIBE" -> new UnsubscribeEvent(header);
			case ScanEvent.EVENT -> {
				String key = (send.eventKey() != null) ? send.eventKey() : scene(appId, send.ticket(), "eventKey");
				yield new ScanEvent(header, key, ticket(send.ticket()));
			}
			case LocationEvent.EVENT -> new LocationEvent(header, required(send.latitude(), "latitude"),
					required(send.longitude(), "longitude"), (send.precision() != null) ? send.precision() : 30.0);
			case ClickEvent.EVENT -> new ClickEvent(header, required(send.eventKey(), "eventKey"));
			case ViewEvent.EVENT -> new ViewEvent(header, required(send.eventKey(), "eventKey"), send.menuId());
			case TemplateSendJobFinishEvent.EVENT ->
				new TemplateSendJobFinishEvent(header, required(send.msgId(), "msgId"), or(send.status(), "success"));
			default -> throw new InvalidRequestException("Unknown event '" + event + "'");
		};
	}

	// by QR code when it names a ticket or a qrscene_ key; a plain follow has neither
	private SubscribeEvent subscribe(String appId, MessageHeader header, SendRequest send) {
		String key = send.eventKey();
		if (key == null && send.ticket() != null) {
			key = SubscribeEvent.QR_SCENE_PREFIX + scene(appId, send.ticket(), "eventKey");
		}
		boolean byQrCode = key != null && key.startsWith(SubscribeEvent.QR_SCENE_PREFIX);
		return new SubscribeEvent(header, key, byQrCode ? ticket(send.ticket()) : send.ticket());
	}

	private String scene(String appId, String ticket, String field) {
		if (ticket == null) {
			throw new InvalidRequestException("Missing " + field);
		}
		return this.qrCodes.sceneOf(ticket)
			.filter((code) -> code.appId().equals(appId))
			.map(QrScene::scene)
			.orElseThrow(() -> new InvalidRequestException(
					"No " + field + " and no unexpired QR code of " + appId + " with that ticket"));
	}

	// shaped like WeChat's tickets, which start with "gQ"
	private static String ticket(String given) {
		return (given != null) ? given : "gQ" + Nonces.alphanumeric(94);
	}

	private static String media(String given) {
		return (given != null && !given.isBlank()) ? given : Nonces.alphanumeric(64);
	}

	private static String or(String given, String otherwise) {
		return (given != null) ? given : otherwise;
	}

	private static <T> T required(T value, String field) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new InvalidRequestException("Missing " + field);
		}
		return value;
	}

}
