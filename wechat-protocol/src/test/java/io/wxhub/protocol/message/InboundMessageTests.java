package io.wxhub.protocol.message;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for the inbound message records and their {@code fields()} view.
 */
class InboundMessageTests {

	private static final MessageHeader HEADER = new MessageHeader("gh_account", "openid", 1700000000L);

	@Test
	void fieldsStartWithHeaderThenTypedValuesThenExtras() {
		Map<String, String> extras = new LinkedHashMap<>();
		extras.put("Idx", "1");
		extras.put("Content", "stale");
		extras.put("MsgDataId", "42");
		TextMessage text = new TextMessage(HEADER, "fresh", 7L, extras);
		assertThat(text.fields()).containsExactly(Map.entry("ToUserName", "gh_account"),
				Map.entry("FromUserName", "openid"), Map.entry("CreateTime", "1700000000"),
				Map.entry("MsgType", "text"), Map.entry("Content", "fresh"), Map.entry("MsgId", "7"),
				Map.entry("Idx", "1"), Map.entry("MsgDataId", "42"));
	}

	@Test
	void eventFieldsCarryEventAfterMsgType() {
		ViewEvent view = new ViewEvent(HEADER, "https://example.com", null);
		assertThat(view.fields()).containsExactly(Map.entry("ToUserName", "gh_account"),
				Map.entry("FromUserName", "openid"), Map.entry("CreateTime", "1700000000"),
				Map.entry("MsgType", "event"), Map.entry("Event", "VIEW"),
				Map.entry("EventKey", "https://example.com"));
		assertThat(view.msgId()).isNull();
	}

	@Test
	void decimalsAreWrittenPlainly() {
		LocationEvent location = new LocationEvent(HEADER, 23.137466, 0.00001, 119.0);
		assertThat(location.fields()).containsEntry("Latitude", "23.137466")
			.containsEntry("Longitude", "0.00001")
			.containsEntry("Precision", "119");
	}

	@Test
	void fieldsAreUnmodifiable() {
		TextMessage text = new TextMessage(HEADER, "x", null);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> text.fields().put("Content", "y"));
	}

	@Test
	void requiredComponentsAreChecked() {
		assertThatNullPointerException().isThrownBy(() -> new TextMessage(HEADER, null, null));
		assertThatNullPointerException().isThrownBy(() -> new TextMessage(null, "x", null));
		assertThatNullPointerException().isThrownBy(() -> new ClickEvent(HEADER, null));
		assertThatNullPointerException().isThrownBy(() -> new MessageHeader(null, "openid", 1L));
		assertThatIllegalArgumentException().isThrownBy(() -> new GenericMessage(HEADER, "event", null, Map.of()));
	}

	@Test
	void subscribeExposesQrSceneOnlyWithPrefix() {
		assertThat(new SubscribeEvent(HEADER, "qrscene_abc", "T").qrScene()).isEqualTo("abc");
		assertThat(new SubscribeEvent(HEADER, "abc", null).qrScene()).isNull();
		assertThat(new SubscribeEvent(HEADER, null, null).qrScene()).isNull();
	}

	@Test
	void genericEventExposesEventKeyAndExtras() {
		GenericEvent event = new GenericEvent(HEADER, "kf_create_session", null, Map.of("KfAccount", "test1@test"));
		assertThat(event.eventKey()).isNull();
		assertThat(event.msgType()).isEqualTo("event");
		assertThat(event.fields()).containsEntry("Event", "kf_create_session").containsEntry("KfAccount", "test1@test");
		assertThat(event.deduplicationKey()).isEqualTo("openid-1700000000-kf_create_session-");
	}

	@Test
	void messagesWithoutIdDeduplicateByTimeAndSender() {
		assertThat(new TextMessage(HEADER, "x", null).deduplicationKey()).isEqualTo("1700000000-openid-text");
		assertThat(new TextMessage(HEADER, "x", 5L).deduplicationKey()).isEqualTo("5-1700000000-openid");
	}

}
