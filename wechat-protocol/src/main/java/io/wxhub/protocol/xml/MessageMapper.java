package io.wxhub.protocol.xml;

import java.util.Map;

import io.wxhub.protocol.message.ClickEvent;
import io.wxhub.protocol.message.GenericEvent;
import io.wxhub.protocol.message.GenericMessage;
import io.wxhub.protocol.message.ImageMessage;
import io.wxhub.protocol.message.InboundEvent;
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
import io.wxhub.protocol.message.ViewEvent;
import io.wxhub.protocol.message.VideoMessage;
import io.wxhub.protocol.message.VoiceMessage;

/**
 * Maps parsed elements to the typed {@link InboundMessage} records.
 */
final class MessageMapper {

	private MessageMapper() {
	}

	static InboundMessage toMessage(Map<String, String> fields) {
		FieldReader in = new FieldReader(fields);
		MessageHeader header = in.header();
		String type = in.required("MsgType");
		return switch (type) {
			case TextMessage.TYPE -> new TextMessage(header, in.required("Content"), in.msgId(), fields);
			case ImageMessage.TYPE ->
				new ImageMessage(header, in.optional("PicUrl"), in.required("MediaId"), in.msgId(), fields);
			case VoiceMessage.TYPE -> new VoiceMessage(header, in.required("MediaId"), in.optional("Format"),
					in.optional("Recognition"), in.optional("MediaId16K"), in.msgId(), fields);
			case VideoMessage.TYPE ->
				new VideoMessage(header, in.required("MediaId"), in.optional("ThumbMediaId"), in.msgId(), fields);
			case ShortVideoMessage.TYPE ->
				new ShortVideoMessage(header, in.required("MediaId"), in.optional("ThumbMediaId"), in.msgId(), fields);
			case LocationMessage.TYPE -> new LocationMessage(header, in.requiredDouble("Location_X"),
					in.requiredDouble("Location_Y"), in.optionalInt("Scale"), in.optional("Label"), in.msgId(), fields);
			case LinkMessage.TYPE -> new LinkMessage(header, in.optional("Title"), in.optional("Description"),
					in.required("Url"), in.msgId(), fields);
			case InboundEvent.MSG_TYPE -> toEvent(header, in);
			default -> new GenericMessage(header, type, in.msgId(), fields);
		};
	}

	private static InboundEvent toEvent(MessageHeader header, FieldReader in) {
		Map<String, String> fields = in.fields();
		String event = in.required("Event");
		return switch (event) {
			case SubscribeEvent.EVENT ->
				new SubscribeEvent(header, in.optional("EventKey"), in.optional("Ticket"), fields);
			case UnsubscribeEvent.EVENT -> new UnsubscribeEvent(header, fields);
			case ScanEvent.EVENT -> new ScanEvent(header, in.required("EventKey"), in.optional("Ticket"), fields);
			case LocationEvent.EVENT -> new LocationEvent(header, in.requiredDouble("Latitude"),
					in.requiredDouble("Longitude"), in.optionalDouble("Precision"), fields);
			case ClickEvent.EVENT -> new ClickEvent(header, in.required("EventKey"), fields);
			case ViewEvent.EVENT -> new ViewEvent(header, in.required("EventKey"), in.optional("MenuId"), fields);
			case TemplateSendJobFinishEvent.EVENT ->
				new TemplateSendJobFinishEvent(header, requiredMsgId(in), in.required("Status"), fields);
			case MassSendJobFinishEvent.EVENT ->
				new MassSendJobFinishEvent(header, requiredMsgId(in), in.required("Status"), in.intOrZero("TotalCount"),
						in.intOrZero("FilterCount"), in.intOrZero("SentCount"), in.intOrZero("ErrorCount"), fields);
			default -> new GenericEvent(header, event, in.optional("EventKey"), fields);
		};
	}

	private static Long requiredMsgId(FieldReader in) {
		Long msgId = in.msgId();
		return (msgId != null) ? msgId : in.requiredLong("MsgID");
	}

}
