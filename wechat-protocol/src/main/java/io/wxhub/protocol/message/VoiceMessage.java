package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A voice message ({@code MsgType=voice}).
 *
 * @param header the addressing elements
 * @param mediaId {@code MediaId}: the id for {@code /cgi-bin/media/get}
 * @param format {@code Format}, such as {@code amr} or {@code speex}, or {@code null}
 * @param recognition {@code Recognition}: speech-to-text result, or {@code null}
 * @param mediaId16K {@code MediaId16K}: the 16 kHz version, or {@code null}
 * @param msgId {@code MsgId}, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record VoiceMessage(MessageHeader header, String mediaId, String format, String recognition, String mediaId16K,
		Long msgId, Map<String, String> fields) implements InboundMessage {

	/** The {@code MsgType} of voice messages. */
	public static final String TYPE = "voice";

	public VoiceMessage {
		WireFields.required(mediaId, "mediaId");
		fields = WireFields.of(header, TYPE, null, fields, "MediaId", mediaId, "Format", format, "Recognition",
				recognition, "MediaId16K", mediaId16K, "MsgId", msgId);
	}

	/**
	 * Create a voice message without extra elements.
	 * @param header the addressing elements
	 * @param mediaId the media id
	 * @param format the audio format, or {@code null}
	 * @param msgId the message id, or {@code null}
	 */
	public VoiceMessage(MessageHeader header, String mediaId, String format, Long msgId) {
		this(header, mediaId, format, null, null, msgId, Map.of());
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}
