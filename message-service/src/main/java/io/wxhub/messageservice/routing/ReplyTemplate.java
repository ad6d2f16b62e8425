package io.wxhub.messageservice.routing;

import java.util.List;

/**
 * A reply as configured (or as a forward endpoint answers it), with {@code ${…}}
 * placeholders in its texts: {@code ${fromUser}}, {@code ${toUser}}, {@code ${content}},
 * {@code ${msgType}}, {@code ${event}}, {@code ${eventKey}}, {@code ${appId}}, and any
 * field of the message as {@code ${field.Name}}.
 *
 * @param msgType {@code text}, {@code image}, {@code voice}, {@code video},
 * {@code music}, {@code news}
 * @param content text
 * @param mediaId image, voice, video
 * @param title video, music
 * @param description video, music
 * @param musicUrl music
 * @param hqMusicUrl music
 * @param thumbMediaId music
 * @param articles news
 */
public record ReplyTemplate(String msgType, String content, String mediaId, String title, String description,
		String musicUrl, String hqMusicUrl, String thumbMediaId, List<ArticleTemplate> articles) {

	/**
	 * One news article.
	 *
	 * @param title its title
	 * @param description its description
	 * @param picUrl its picture
	 * @param url where it links
	 */
	public record ArticleTemplate(String title, String description, String picUrl, String url) {
	}

}
