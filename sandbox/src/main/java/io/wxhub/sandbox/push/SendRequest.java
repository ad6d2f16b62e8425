package io.wxhub.sandbox.push;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * What a simulated follower sends, as posted to
 * {@code /sandbox/apps/{appId}/followers/{openid}/send}. Which fields apply depends on
 * {@code msgType} and {@code event}; absent optional ones get WeChat-like values.
 *
 * @param msgType {@code text}, {@code image}, {@code voice}, {@code video},
 * {@code shortvideo}, {@code location}, {@code link} or {@code event}
 * @param event for {@code event}: {@code subscribe}, {@code unsubscribe}, {@code SCAN},
 * {@code LOCATION}, {@code CLICK}, {@code VIEW} or {@code TEMPLATESENDJOBFINISH}
 * @param content the text of a text message
 * @param picUrl the picture link of an image, else a made-up one
 * @param mediaId the media of an image, voice or video, else a made-up id
 * @param format the audio format of a voice, else {@code amr}
 * @param recognition the speech-to-text result of a voice, if any
 * @param thumbMediaId the thumbnail of a video, else a made-up id
 * @param latitude of a location message or event
 * @param longitude of a location message or event
 * @param scale the zoom level of a location message, else 20
 * @param label the place of a location message, else empty
 * @param precision of a location event, else 30
 * @param title of a link
 * @param description of a link
 * @param url of a link
 * @param eventKey the event key: {@code qrscene_} plus the scene for a subscribe by QR
 * code, the scene for {@code SCAN}, the button key for {@code CLICK}, the URL for
 * {@code VIEW}
 * @param ticket the QR ticket of a subscribe by QR code or {@code SCAN}: a ticket the app
 * created gives the scene; else a made-up one
 * @param menuId the menu of a {@code VIEW}, if any
 * @param status the result of {@code TEMPLATESENDJOBFINISH}, else {@code success}
 * @param msgId the {@code MsgId} of a message (else a new one), the template
 * {@code MsgID} of {@code TEMPLATESENDJOBFINISH}
 * @param createTime {@code CreateTime} in epoch seconds, else now (sandbox clock)
 * @param dropResponses lose the answers to this many first attempts, as if the network
 * had, so that retries can be tested without waiting for timeouts
 */
record SendRequest(String msgType, String event, String content, String picUrl, String mediaId, String format,
		String recognition, String thumbMediaId, Double latitude, Double longitude, Integer scale, String label,
		Double precision, String title, String description, String url, String eventKey, String ticket, String menuId,
		String status, Long msgId, Long createTime, @PositiveOrZero Integer dropResponses) {

	int drops() {
		return (this.dropResponses != null) ? this.dropResponses : 0;
	}

}
