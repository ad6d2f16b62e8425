package io.wxhub.protocol.message;

import java.util.Map;

/**
 * The result of a mass send ({@code Event=MASSSENDJOBFINISH}). The copyright check result
 * stays in {@link #fields()} under {@code CopyrightCheckResult.*}.
 *
 * @param header the addressing elements
 * @param msgId {@code MsgID}: the mass message id
 * @param status {@code Status}, such as {@code send success}
 * @param totalCount {@code TotalCount}: followers targeted
 * @param filterCount {@code FilterCount}: followers left after filtering
 * @param sentCount {@code SentCount}: deliveries that succeeded
 * @param errorCount {@code ErrorCount}: deliveries that failed
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record MassSendJobFinishEvent(MessageHeader header, Long msgId, String status, int totalCount, int filterCount,
		int sentCount, int errorCount, Map<String, String> fields) implements InboundEvent {

	/** The {@code Event} value. */
	public static final String EVENT = "MASSSENDJOBFINISH";

	public MassSendJobFinishEvent {
		WireFields.required(msgId, "msgId");
		WireFields.required(status, "status");
		fields = WireFields.of(header, MSG_TYPE, EVENT, fields, "MsgID", msgId, "Status", status, "TotalCount",
				totalCount, "FilterCount", filterCount, "SentCount", sentCount, "ErrorCount", errorCount);
	}

	@Override
	public String event() {
		return EVENT;
	}

}
