package io.wxhub.protocol.xml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Rendering inbound messages as WeChat pushes them and parsing them back.
 */
class XmlCodecRoundTripTests {

	private static final MessageHeader HEADER = new MessageHeader("gh_7f083739789a", "oia2TjuEGTNoeX76QEjQNrcURxG8",
			1714112445L);

	private final XmlCodec codec = new XmlCodec();

	static Stream<InboundMessage> messages() {
		Map<String, String> nested = new LinkedHashMap<>();
		nested.put("ScanCodeInfo.ScanType", "qrcode");
		nested.put("ScanCodeInfo.ScanResult", "https://example.com/?a=1&b=<2>");
		Map<String, String> articleExtras = Map.of("MsgDataId", "2247483700", "Idx", "1");
		return Stream.of(new TextMessage(HEADER, "你好 <b>&amp; ]]> done", 1234567890123456L, articleExtras),
				new TextMessage(HEADER, "no id", null), new ImageMessage(HEADER, "http://pic", "media", 1L),
				new ImageMessage(HEADER, null, "media", null),
				new VoiceMessage(HEADER, "media", "amr", "识别", "media16k", 2L, Map.of()),
				new VoiceMessage(HEADER, "media", null, null), new VideoMessage(HEADER, "media", "thumb", 3L),
				new ShortVideoMessage(HEADER, "media", "thumb", 4L),
				new LocationMessage(HEADER, 23.134521, 113.358803, 20, "位置信息", 5L),
				new LocationMessage(HEADER, -0.5, 0.0001, null, null, null),
				new LinkMessage(HEADER, "title", "description", "https://example.com/a?b=c&d=e", 6L),
				new GenericMessage(HEADER, "miniprogrampage", 7L, Map.of("Title", "t", "AppId", "wx1")),
				new SubscribeEvent(HEADER, "qrscene_123123", "TICKET"), new SubscribeEvent(HEADER, null, null),
				new UnsubscribeEvent(HEADER), new ScanEvent(HEADER, "SCENE_VALUE", "TICKET"),
				new LocationEvent(HEADER, 23.137466, 113.352425, 119.38504),
				new ClickEvent(HEADER, "V1001_TODAY_MUSIC"), new ViewEvent(HEADER, "http://www.qq.com", "MENUID"),
				new TemplateSendJobFinishEvent(HEADER, 200163836L, "failed:user block"),
				new MassSendJobFinishEvent(HEADER, 1000001625L, "send success", 10, 9, 8, 1,
						Map.of("CopyrightCheckResult.Count", "0")),
				new GenericEvent(HEADER, "scancode_push", "6", nested));
	}

	@ParameterizedTest
	@MethodSource("messages")
	void everyInboundTypeRoundTrips(InboundMessage message) {
		String xml = this.codec.renderMessage(message);
		InboundMessage parsed = this.codec.parseMessage(xml);
		assertThat(parsed).isEqualTo(message);
		assertThat(parsed.fields()).containsExactlyEntriesOf(message.fields());
		assertThat(xml).startsWith("<xml>\n<ToUserName><![CDATA[gh_7f083739789a]]></ToUserName>\n")
			.endsWith("\n</xml>");
	}

	@ParameterizedTest
	@ValueSource(strings = { Samples.TEXT, Samples.VOICE, Samples.IMAGE, Samples.VIDEO, Samples.SHORT_VIDEO,
			Samples.LOCATION, Samples.LINK, Samples.SUBSCRIBE_QR, Samples.SUBSCRIBE, Samples.UNSUBSCRIBE, Samples.SCAN,
			Samples.LOCATION_EVENT, Samples.CLICK, Samples.VIEW, Samples.SCANCODE_PUSH, Samples.TEMPLATE_FINISH,
			Samples.MASS_FINISH, Samples.PIC_SYSPHOTO })
	void officialSamplesSurviveRenderingAndParsing(String sample) {
		InboundMessage parsed = this.codec.parseMessage(sample);
		assertThat(this.codec.parseMessage(this.codec.renderMessage(parsed))).isEqualTo(parsed);
	}

	@Test
	void rendersOfficialShape() {
		assertThat(this.codec.renderMessage(this.codec.parseMessage(Samples.TEMPLATE_FINISH))).isEqualTo("""
				<xml>
				<ToUserName><![CDATA[gh_7f083739789a]]></ToUserName>
				<FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName>
				<CreateTime>1395658920</CreateTime>
				<MsgType><![CDATA[event]]></MsgType>
				<Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>
				<MsgID>200163836</MsgID>
				<Status><![CDATA[success]]></Status>
				</xml>""");
	}

	@Test
	void rendersNestedAndRepeatedElements() {
		String xml = this.codec.renderMessage(this.codec.parseMessage(Samples.PIC_SYSPHOTO));
		assertThat(xml).contains("<SendPicsInfo><Count>2</Count><PicList><item><PicMd5Sum>"
				+ "<![CDATA[1b5f7c23b5bf75682a53e7b6d163e185]]></PicMd5Sum></item><item><PicMd5Sum>"
				+ "<![CDATA[2b5f7c23b5bf75682a53e7b6d163e185]]></PicMd5Sum></item></PicList></SendPicsInfo>");
	}

	@Test
	void splitsCdataTerminatorInsideText() {
		String xml = this.codec.renderMessage(new TextMessage(HEADER, "a]]>b", null));
		assertThat(xml).contains("<Content><![CDATA[a]]]]><![CDATA[>b]]></Content>");
		assertThat(((TextMessage) this.codec.parseMessage(xml)).content()).isEqualTo("a]]>b");
	}

	@Test
	void refusesCharactersXmlCannotCarry() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.codec.renderMessage(new TextMessage(HEADER, "bell\u0007", null)));
	}

	@Test
	void refusesInvalidElementPaths() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.codec.renderMessage(new GenericMessage(HEADER, "odd", null, Map.of("Bad Name", "x"))));
		Map<String, String> clash = new LinkedHashMap<>();
		clash.put("A", "leaf");
		clash.put("A.B", "child");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.codec.renderMessage(new GenericMessage(HEADER, "odd", null, clash)));
	}

}
