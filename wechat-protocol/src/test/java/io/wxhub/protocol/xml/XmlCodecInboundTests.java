package io.wxhub.protocol.xml;

import io.wxhub.protocol.TestVectors;
import io.wxhub.protocol.crypto.MessageCrypto;
import io.wxhub.protocol.message.ClickEvent;
import io.wxhub.protocol.message.GenericEvent;
import io.wxhub.protocol.message.GenericMessage;
import io.wxhub.protocol.message.ImageMessage;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.LinkMessage;
import io.wxhub.protocol.message.LocationEvent;
import io.wxhub.protocol.message.LocationMessage;
import io.wxhub.protocol.message.MassSendJobFinishEvent;
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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing the documented inbound samples into typed records.
 */
class XmlCodecInboundTests {

	private final XmlCodec codec = new XmlCodec();

	@Test
	void parsesOfficialTextSample() {
		TextMessage text = parse(Samples.TEXT, TextMessage.class);
		assertThat(text.header()).isEqualTo(new MessageHeader("toUser", "fromUser", 1348831860L));
		assertThat(text.toUserName()).isEqualTo("toUser");
		assertThat(text.fromUserName()).isEqualTo("fromUser");
		assertThat(text.createTime()).isEqualTo(1348831860L);
		assertThat(text.msgType()).isEqualTo("text");
		assertThat(text.content()).isEqualTo("this is a test");
		assertThat(text.msgId()).isEqualTo(1234567890123456L);
		assertThat(text.fields()).containsEntry("MsgDataId", "xxxx")
			.containsEntry("Idx", "xxxx")
			.containsEntry("Content", "this is a test")
			.containsEntry("CreateTime", "1348831860");
	}

	@Test
	void parsesOfficialVoiceSample() {
		VoiceMessage voice = parse(Samples.VOICE, VoiceMessage.class);
		assertThat(voice.mediaId()).isEqualTo("media_id");
		assertThat(voice.format()).isEqualTo("Format");
		assertThat(voice.recognition()).isEqualTo("腾讯微信团队");
		assertThat(voice.mediaId16K()).isNull();
		assertThat(voice.msgId()).isEqualTo(1234567890123456L);
	}

	@Test
	void parsesImageVideoAndShortVideo() {
		ImageMessage image = parse(Samples.IMAGE, ImageMessage.class);
		assertThat(image.picUrl()).isEqualTo("this is a url");
		assertThat(image.mediaId()).isEqualTo("media_id");
		VideoMessage video = parse(Samples.VIDEO, VideoMessage.class);
		assertThat(video.mediaId()).isEqualTo("media_id");
		assertThat(video.thumbMediaId()).isEqualTo("thumb_media_id");
		ShortVideoMessage shortVideo = parse(Samples.SHORT_VIDEO, ShortVideoMessage.class);
		assertThat(shortVideo.msgType()).isEqualTo("shortvideo");
		assertThat(shortVideo.thumbMediaId()).isEqualTo("thumb_media_id");
	}

	@Test
	void parsesLocationAndLink() {
		LocationMessage location = parse(Samples.LOCATION, LocationMessage.class);
		assertThat(location.latitude()).isEqualTo(23.134521);
		assertThat(location.longitude()).isEqualTo(113.358803);
		assertThat(location.scale()).isEqualTo(20);
		assertThat(location.label()).isEqualTo("位置信息");
		LinkMessage link = parse(Samples.LINK, LinkMessage.class);
		assertThat(link.title()).isEqualTo("公众平台官网链接");
		assertThat(link.description()).isEqualTo("公众平台官网链接");
		assertThat(link.url()).isEqualTo("url");
	}

	@Test
	void parsesQrSubscribeAndStripsScenePrefix() {
		SubscribeEvent subscribe = parse(Samples.SUBSCRIBE_QR, SubscribeEvent.class);
		assertThat(subscribe.msgType()).isEqualTo("event");
		assertThat(subscribe.event()).isEqualTo("subscribe");
		assertThat(subscribe.eventKey()).isEqualTo("qrscene_123123");
		assertThat(subscribe.qrScene()).isEqualTo("123123");
		assertThat(subscribe.ticket()).isEqualTo("TICKET");
		assertThat(subscribe.msgId()).isNull();
	}

	@Test
	void parsesPlainSubscribeWithEmptyEventKey() {
		SubscribeEvent subscribe = parse(Samples.SUBSCRIBE, SubscribeEvent.class);
		assertThat(subscribe.eventKey()).isNull();
		assertThat(subscribe.qrScene()).isNull();
		assertThat(subscribe.fields()).containsEntry("EventKey", "");
		assertThat(parse(Samples.without(Samples.SUBSCRIBE, "EventKey"), SubscribeEvent.class).qrScene()).isNull();
	}

	@Test
	void parsesUnsubscribeScanAndLocationEvents() {
		assertThat(parse(Samples.UNSUBSCRIBE, UnsubscribeEvent.class).eventKey()).isNull();
		ScanEvent scan = parse(Samples.SCAN, ScanEvent.class);
		assertThat(scan.eventKey()).isEqualTo("SCENE_VALUE");
		assertThat(scan.ticket()).isEqualTo("TICKET");
		LocationEvent location = parse(Samples.LOCATION_EVENT, LocationEvent.class);
		assertThat(location.latitude()).isEqualTo(23.137466);
		assertThat(location.longitude()).isEqualTo(113.352425);
		assertThat(location.precision()).isEqualTo(119.385040);
	}

	@Test
	void parsesMenuEvents() {
		assertThat(parse(Samples.CLICK, ClickEvent.class).eventKey()).isEqualTo("EVENTKEY");
		ViewEvent view = parse(Samples.VIEW, ViewEvent.class);
		assertThat(view.event()).isEqualTo("VIEW");
		assertThat(view.eventKey()).isEqualTo("www.qq.com");
		assertThat(view.menuId()).isEqualTo("MENUID");
	}

	@Test
	void parsesOtherEventsAsGenericWithNestedFields() {
		GenericEvent scancode = parse(Samples.SCANCODE_PUSH, GenericEvent.class);
		assertThat(scancode.event()).isEqualTo("scancode_push");
		assertThat(scancode.eventKey()).isEqualTo("6");
		assertThat(scancode.fields()).containsEntry("ScanCodeInfo.ScanType", "qrcode")
			.containsEntry("ScanCodeInfo.ScanResult", "1");
		GenericEvent photo = parse(Samples.PIC_SYSPHOTO, GenericEvent.class);
		assertThat(photo.fields()).containsEntry("SendPicsInfo.Count", "2")
			.containsEntry("SendPicsInfo.PicList.item[0].PicMd5Sum", "1b5f7c23b5bf75682a53e7b6d163e185")
			.containsEntry("SendPicsInfo.PicList.item[1].PicMd5Sum", "2b5f7c23b5bf75682a53e7b6d163e185");
	}

	@Test
	void parsesOfficialTemplateJobFinishSample() {
		TemplateSendJobFinishEvent finish = parse(Samples.TEMPLATE_FINISH, TemplateSendJobFinishEvent.class);
		assertThat(finish.msgId()).isEqualTo(200163836L);
		assertThat(finish.status()).isEqualTo("success");
		assertThat(finish.isSuccess()).isTrue();
		assertThat(finish.fields()).containsEntry("MsgID", "200163836").doesNotContainKey("MsgId");
		TemplateSendJobFinishEvent failed = parse(
				Samples.with(Samples.TEMPLATE_FINISH, "Status", "<![CDATA[failed: system failed]]>"),
				TemplateSendJobFinishEvent.class);
		assertThat(failed.status()).isEqualTo("failed: system failed");
		assertThat(failed.isSuccess()).isFalse();
	}

	@Test
	void parsesMassSendJobFinishWithCopyrightResult() {
		MassSendJobFinishEvent finish = parse(Samples.MASS_FINISH, MassSendJobFinishEvent.class);
		assertThat(finish.msgId()).isEqualTo(1000001625L);
		assertThat(finish.status()).isEqualTo("err(30003)");
		assertThat(finish.totalCount()).isEqualTo(10);
		assertThat(finish.filterCount()).isEqualTo(9);
		assertThat(finish.sentCount()).isEqualTo(8);
		assertThat(finish.errorCount()).isEqualTo(1);
		assertThat(finish.fields()).containsEntry("CopyrightCheckResult.Count", "2")
			.containsEntry("CopyrightCheckResult.ResultList.item[1].OriginalArticleUrl", "Url_2")
			.containsEntry("CopyrightCheckResult.CheckState", "2");
	}

	@Test
	void acceptsMsgIdSpelledMsgID() {
		TextMessage text = parse(Samples.TEXT.replace("MsgId>", "MsgID>"), TextMessage.class);
		assertThat(text.msgId()).isEqualTo(1234567890123456L);
		assertThat(text.fields()).containsEntry("MsgId", "1234567890123456").doesNotContainKey("MsgID");
	}

	@Test
	void parsesUnknownTypesAsGenericMessage() {
		String xml = "<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[fromUser]]></FromUserName>"
				+ "<CreateTime>1</CreateTime><MsgType><![CDATA[miniprogrampage]]></MsgType>"
				+ "<Title><![CDATA[t]]></Title><MsgId>7</MsgId></xml>";
		GenericMessage message = parse(xml, GenericMessage.class);
		assertThat(message.msgType()).isEqualTo("miniprogrampage");
		assertThat(message.msgId()).isEqualTo(7L);
		assertThat(message.fields()).containsEntry("Title", "t");
	}

	@Test
	void parsesDecryptedSdkSamples() {
		TextMessage easyWeChat = parse(crypto().decrypt(TestVectors.ENC3_ENCRYPT), TextMessage.class);
		assertThat(easyWeChat.content()).isEqualTo("hello");
		assertThat(easyWeChat.msgId()).isEqualTo(12345L);
		assertThat(easyWeChat.fields()).containsEntry("URL", "http://wechat.laravel.so/server");
		String weCom = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";
		TextMessage text = parse(weCom, TextMessage.class);
		assertThat(text.msgId()).isEqualTo(4561255354251345929L);
		assertThat(text.fields()).containsEntry("AgentID", "218");
	}

	@Test
	void acceptsDeclarationCommentsAndEscapedText() {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- pushed -->\n"
				+ Samples.TEXT.replace("<![CDATA[this is a test]]>", "a &lt;b&gt; &amp; &#20320;");
		assertThat(parse(xml, TextMessage.class).content()).isEqualTo("a <b> & 你");
	}

	@Test
	void exposesFieldsWithoutInterpretation() {
		assertThat(this.codec.parseFields(Samples.SCANCODE_PUSH)).containsKeys("ToUserName", "ScanCodeInfo.ScanType")
			.hasSize(8);
	}

	@Test
	void derivesDeduplicationKeys() {
		assertThat(parse(Samples.TEXT, TextMessage.class).deduplicationKey())
			.isEqualTo("1234567890123456-1348831860-fromUser");
		assertThat(parse(Samples.SUBSCRIBE_QR, SubscribeEvent.class).deduplicationKey())
			.isEqualTo("FromUser-123456789-subscribe-qrscene_123123");
		assertThat(parse(Samples.UNSUBSCRIBE, UnsubscribeEvent.class).deduplicationKey())
			.isEqualTo("FromUser-123456789-unsubscribe-");
	}

	private <T extends InboundMessage> T parse(String xml, Class<T> type) {
		InboundMessage message = this.codec.parseMessage(xml);
		assertThat(message).isInstanceOf(type);
		return type.cast(message);
	}

	private static MessageCrypto crypto() {
		return new MessageCrypto(TestVectors.ENC2_APPID, TestVectors.ENC2_KEY);
	}

}
