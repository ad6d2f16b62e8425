package io.wxhub.sandbox.push;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.wxhub.protocol.message.ClickEvent;
import io.wxhub.protocol.message.ImageMessage;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.LinkMessage;
import io.wxhub.protocol.message.LocationEvent;
import io.wxhub.protocol.message.LocationMessage;
import io.wxhub.protocol.message.ScanEvent;
import io.wxhub.protocol.message.ShortVideoMessage;
import io.wxhub.protocol.message.SubscribeEvent;
import io.wxhub.protocol.message.TemplateSendJobFinishEvent;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.message.UnsubscribeEvent;
import io.wxhub.protocol.message.VideoMessage;
import io.wxhub.protocol.message.ViewEvent;
import io.wxhub.protocol.message.VoiceMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One of each message and event a follower can send (values from WeChat's samples), and
 * what the developer's server must find in it.
 */
final class InboundCases {

	private InboundCases() {
	}

	static List<Case> all() {
		return List.of(new Case(
				Map.of("msgType", "text", "content", "微博", "msgId", 1234567890123456L, "createTime", 1348831860),
				TextMessage.class, (message) -> {
					assertThat(((TextMessage) message).content()).isEqualTo("微博");
					assertThat(message.msgId()).isEqualTo(1234567890123456L);
					assertThat(message.createTime()).isEqualTo(1348831860);
				}),
				new Case(Map.of("msgType", "text", "content", "hi"), TextMessage.class,
						(message) -> assertThat(message.msgId()).isGreaterThan(10_000_000_000_000_000L)),
				new Case(Map.of("msgType", "image"), ImageMessage.class, (message) -> {
					assertThat(((ImageMessage) message).picUrl()).startsWith("http://mmbiz.qpic.cn/");
					assertThat(((ImageMessage) message).mediaId()).hasSize(64);
				}),
				new Case(Map.of("msgType", "voice", "mediaId", "m1", "format", "speex", "recognition", "腾讯微信团队"),
						VoiceMessage.class,
						(message) -> assertThat(message.fields()).containsEntry("MediaId", "m1")
							.containsEntry("Format", "speex")
							.containsEntry("Recognition", "腾讯微信团队")),
				new Case(Map.of("msgType", "video"), VideoMessage.class,
						(message) -> assertThat(((VideoMessage) message).thumbMediaId()).isNotBlank()),
				new Case(Map.of("msgType", "shortvideo", "mediaId", "sv1", "thumbMediaId", "th1"),
						ShortVideoMessage.class,
						(message) -> assertThat(message.fields()).containsEntry("MediaId", "sv1")
							.containsEntry("ThumbMediaId", "th1")),
				new Case(
						Map.of("msgType", "location", "latitude", 23.134521, "longitude", 113.358803, "scale", 20,
								"label", "位置信息"),
						LocationMessage.class,
						(message) -> assertThat(message.fields()).containsEntry("Location_X", "23.134521")
							.containsEntry("Location_Y", "113.358803")
							.containsEntry("Scale", "20")
							.containsEntry("Label", "位置信息")),
				new Case(
						Map.of("msgType", "link", "title", "公众平台官网链接", "description", "公众平台官网链接", "url",
								"http://mp.weixin.qq.com"),
						LinkMessage.class,
						(message) -> assertThat(((LinkMessage) message).url()).isEqualTo("http://mp.weixin.qq.com")),
				new Case(Map.of("msgType", "event", "event", "subscribe"), SubscribeEvent.class,
						(message) -> assertThat(((SubscribeEvent) message).qrScene()).isNull()),
				new Case(Map.of("msgType", "event", "event", "subscribe", "eventKey", "qrscene_123123"),
						SubscribeEvent.class, (message) -> {
							assertThat(((SubscribeEvent) message).qrScene()).isEqualTo("123123");
							assertThat(((SubscribeEvent) message).ticket()).startsWith("gQ");
						}),
				new Case(Map.of("msgType", "event", "event", "unsubscribe"), UnsubscribeEvent.class,
						(message) -> assertThat(message.fields()).containsEntry("Event", "unsubscribe")),
				new Case(Map.of("msgType", "event", "event", "SCAN", "eventKey", "123123", "ticket", "TICKET"),
						ScanEvent.class,
						(message) -> assertThat(message.fields()).containsEntry("EventKey", "123123")
							.containsEntry("Ticket", "TICKET")),
				new Case(
						Map.of("msgType", "event", "event", "LOCATION", "latitude", 23.137466, "longitude", 113.352425,
								"precision", 119.385040),
						LocationEvent.class,
						(message) -> assertThat(((LocationEvent) message).precision()).isEqualTo(119.38504)),
				new Case(Map.of("msgType", "event", "event", "CLICK", "eventKey", "V1001_TODAY_MUSIC"),
						ClickEvent.class,
						(message) -> assertThat(((ClickEvent) message).eventKey()).isEqualTo("V1001_TODAY_MUSIC")),
				new Case(Map.of("msgType", "event", "event", "VIEW", "eventKey", "http://www.qq.com", "menuId", "101"),
						ViewEvent.class,
						(message) -> assertThat(message.fields()).containsEntry("MenuId", "101")
							.containsEntry("EventKey", "http://www.qq.com")),
				new Case(
						Map.of("msgType", "event", "event", "TEMPLATESENDJOBFINISH", "msgId", 200163836, "status",
								"failed:user block"),
						TemplateSendJobFinishEvent.class,
						(message) -> assertThat(message.fields()).containsEntry("MsgID", "200163836")
							.containsEntry("Status", "failed:user block")));
	}

	record Case(Map<String, ?> body, Class<? extends InboundMessage> type, Consumer<InboundMessage> check) {
	}

}
