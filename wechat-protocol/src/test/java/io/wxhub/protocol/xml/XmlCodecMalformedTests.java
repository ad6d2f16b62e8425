package io.wxhub.protocol.xml;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;

import io.wxhub.protocol.xml.MalformedMessageException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Hostile and malformed bodies must fail with {@link MalformedMessageException} and a
 * reason, without resolving anything and without echoing the body.
 */
class XmlCodecMalformedTests {

	private static final String MARKER = "SECRET-BODY-MARKER";

	private final XmlCodec codec = new XmlCodec();

	@Test
	void externalEntityIsRefused() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<xml><ToUserName>&xxe;</ToUserName><FromUserName>a</FromUserName><CreateTime>1</CreateTime>
				<MsgType>text</MsgType><Content>SECRET-BODY-MARKER</Content></xml>""";
		assertRejected(xxe, Reason.DOCTYPE_FORBIDDEN);
	}

	@Test
	void externalDtdIsNeverFetched() throws IOException {
		try (ServerSocket server = new ServerSocket(0)) {
			server.setSoTimeout(300);
			String xml = "<!DOCTYPE xml SYSTEM \"http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd\">"
					+ "<xml><ToUserName>a</ToUserName></xml>";
			assertRejected(xml, Reason.DOCTYPE_FORBIDDEN);
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(server::accept);
		}
	}

	@Test
	void billionLaughsIsRefused() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE xml [\n<!ENTITY lol \"lol\">\n");
		for (int i = 1; i <= 9; i++) {
			xml.append("<!ENTITY lol").append(i).append(" \"");
			xml.append(("&lol" + ((i > 1) ? i - 1 : "") + ";").repeat(10)).append("\">\n");
		}
		xml.append("]>\n<xml><Content>&lol9;</Content></xml>");
		assertRejected(xml.toString(), Reason.DOCTYPE_FORBIDDEN);
	}

	@Test
	void anyDoctypeIsRefused() {
		assertRejected("<!DOCTYPE xml><xml><ToUserName>a</ToUserName></xml>", Reason.DOCTYPE_FORBIDDEN);
		assertRejected("<!DOCTYPE xml [<!ELEMENT xml ANY>]>" + Samples.TEXT, Reason.DOCTYPE_FORBIDDEN);
	}

	@Test
	void undeclaredEntityIsRefused() {
		assertRejected(Samples.with(Samples.TEXT, "Content", "&ghost;"), Reason.DOCTYPE_FORBIDDEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "hello " + MARKER, "{\"ToUserName\":\"" + MARKER + "\"}", "<xml><Content>" + MARKER,
			"<xml><Content>" + MARKER + "</Text></xml>", "<xml></xml><xml></xml>", "success" })
	void nonXmlIsRejected(String body) {
		assertRejected(body, Reason.NOT_XML);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\n\t" })
	void emptyBodyIsRejected(String body) {
		assertRejected(body, Reason.EMPTY);
	}

	@Test
	void bodyOverTheSizeLimitIsRejected() {
		String big = Samples.TEXT.replace("this is a test", "x".repeat(64 * 1024));
		assertRejected(big, Reason.TOO_LARGE);
		String wide = Samples.TEXT.replace("this is a test", "你".repeat(25_000));
		assertThat(wide.length()).isLessThan(64 * 1024);
		assertRejected(wide, Reason.TOO_LARGE);
	}

	@Test
	void limitsAreConfigurable() {
		XmlCodec small = new XmlCodec(new XmlLimits(100, 512));
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> small.parseMessage(Samples.TEXT))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TOO_LARGE));
		XmlCodec few = new XmlCodec(new XmlLimits(64 * 1024, 5));
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> few.parseMessage(Samples.TEXT))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TOO_LARGE));
	}

	@Test
	void wrongRootIsRejected() {
		assertRejected(Samples.TEXT.replace("<xml>", "<root>").replace("</xml>", "</root>"), Reason.WRONG_ROOT);
		assertRejected(Samples.TEXT.replace("<xml>", "<XML>").replace("</xml>", "</XML>"), Reason.WRONG_ROOT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ToUserName", "FromUserName", "CreateTime", "MsgType", "Content" })
	void missingRequiredElementIsRejected(String element) {
		assertRejected(Samples.without(Samples.TEXT, element), Reason.MISSING_FIELD, element);
	}

	@Test
	void missingTypeSpecificElementIsRejected() {
		assertRejected(Samples.without(Samples.IMAGE, "MediaId"), Reason.MISSING_FIELD, "MediaId");
		assertRejected(Samples.without(Samples.VOICE, "MediaId"), Reason.MISSING_FIELD, "MediaId");
		assertRejected(Samples.without(Samples.LOCATION, "Location_X"), Reason.MISSING_FIELD, "Location_X");
		assertRejected(Samples.without(Samples.LINK, "Url"), Reason.MISSING_FIELD, "Url");
		assertRejected(Samples.without(Samples.CLICK, "Event"), Reason.MISSING_FIELD, "Event");
		assertRejected(Samples.without(Samples.CLICK, "EventKey"), Reason.MISSING_FIELD, "EventKey");
		assertRejected(Samples.without(Samples.SCAN, "EventKey"), Reason.MISSING_FIELD, "EventKey");
		assertRejected(Samples.without(Samples.TEMPLATE_FINISH, "MsgID"), Reason.MISSING_FIELD, "MsgID");
		assertRejected(Samples.without(Samples.TEMPLATE_FINISH, "Status"), Reason.MISSING_FIELD, "Status");
		assertRejected(Samples.with(Samples.TEXT, "Content", ""), Reason.MISSING_FIELD, "Content");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "12.5", "1e9", "0x10", "99999999999999999999", "+-1", "<![CDATA[ ]]>" })
	void nonNumericCreateTimeIsRejected(String value) {
		assertRejected(Samples.with(Samples.TEXT, "CreateTime", value), Reason.INVALID_FIELD, "CreateTime");
	}

	@Test
	void malformedNumbersInTypedElementsAreRejected() {
		assertRejected(Samples.with(Samples.TEXT, "MsgId", "xyz"), Reason.INVALID_FIELD, "MsgId");
		assertRejected(Samples.with(Samples.LOCATION, "Location_X", "NaN"), Reason.INVALID_FIELD, "Location_X");
		assertRejected(Samples.with(Samples.LOCATION, "Scale", "99999999999"), Reason.INVALID_FIELD, "Scale");
		assertRejected(Samples.with(Samples.LOCATION_EVENT, "Latitude", "north"), Reason.INVALID_FIELD, "Latitude");
		assertRejected(Samples.with(Samples.MASS_FINISH, "TotalCount", "many"), Reason.INVALID_FIELD, "TotalCount");
	}

	@Test
	void duplicateElementsAreRejected() {
		assertRejected(Samples.TEXT.replace("</xml>", "<Content>second</Content></xml>"), Reason.UNEXPECTED_STRUCTURE,
				"Content");
		assertRejected(Samples.TEXT.replace("</xml>", "<MsgType>event</MsgType></xml>"), Reason.UNEXPECTED_STRUCTURE,
				"MsgType");
	}

	@Test
	void unexpectedNestingIsRejected() {
		assertRejected(Samples.with(Samples.TEXT, "Content", "<b>" + MARKER + "</b>"), Reason.UNEXPECTED_STRUCTURE);
		assertRejected(
				Samples.TEXT.replace("</xml>",
						"<item><item><item><item><item><item>x</item></item></item>" + "</item></item></item></xml>"),
				Reason.UNEXPECTED_STRUCTURE);
	}

	@Test
	void mixedContentIsRejected() {
		assertRejected(Samples.SCANCODE_PUSH.replace("<ScanCodeInfo>", "<ScanCodeInfo>" + MARKER),
				Reason.UNEXPECTED_STRUCTURE);
		assertRejected(Samples.SCANCODE_PUSH.replace("</ScanCodeInfo>", MARKER + "</ScanCodeInfo>"),
				Reason.UNEXPECTED_STRUCTURE);
		assertRejected(Samples.TEXT.replace("</xml>", MARKER + "</xml>"), Reason.UNEXPECTED_STRUCTURE);
	}

	@Test
	void processingInstructionsAreRejected() {
		assertRejected(Samples.TEXT.replace("</xml>", "<?php echo 1; ?></xml>"), Reason.UNEXPECTED_STRUCTURE);
	}

	@Test
	void repliesAndEnvelopesUseTheSameGuards() {
		String doctype = "<!DOCTYPE xml [<!ENTITY x \"y\">]><xml><Encrypt>&x;</Encrypt></xml>";
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.parseReply(doctype));
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.parseEncryptedRequest(doctype));
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.parseEncryptedReply(doctype));
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.parseEncryptedRequest("<xml><ToUserName>gh</ToUserName></xml>"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MISSING_FIELD));
	}

	private void assertRejected(String body, Reason reason) {
		assertRejected(body, reason, null);
	}

	private void assertRejected(String body, Reason reason, String mentions) {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.parseMessage(body))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(reason);
				assertThat(ex.getMessage()).doesNotContain(MARKER).doesNotContain("this is a test");
				if (mentions != null) {
					assertThat(ex.getMessage()).contains(mentions);
				}
			});
	}

}
