package io.wxhub.protocol.message;

/**
 * A push with {@code MsgType=event}, discriminated by its {@code Event} element.
 */
public sealed interface InboundEvent extends InboundMessage permits SubscribeEvent, UnsubscribeEvent, ScanEvent,
		LocationEvent, ClickEvent, ViewEvent, TemplateSendJobFinishEvent, MassSendJobFinishEvent, GenericEvent {

	/** The {@code MsgType} of all events. */
	String MSG_TYPE = "event";

	/**
	 * Return the {@code Event} element, in WeChat's exact case.
	 * @return the event type, such as {@code subscribe} or {@code CLICK}
	 */
	String event();

	/**
	 * Return the {@code EventKey} element.
	 * @return the event key, or {@code null} if absent
	 */
	default String eventKey() {
		return fields().get("EventKey");
	}

	@Override
	default String msgType() {
		return MSG_TYPE;
	}

	@Override
	default Long msgId() {
		return null;
	}

	/**
	 * Return {@code FromUserName-CreateTime-Event-EventKey}, which identifies retries of
	 * this event.
	 * @return the key
	 */
	@Override
	default String deduplicationKey() {
		String eventKey = eventKey();
		return fromUserName() + "-" + createTime() + "-" + event() + "-" + ((eventKey != null) ? eventKey : "");
	}

}
