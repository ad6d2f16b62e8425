package io.wxhub.protocol.reply;

/**
 * One article of a {@link NewsReply}.
 *
 * @param title {@code Title}, or {@code null}
 * @param description {@code Description}, or {@code null}
 * @param picUrl {@code PicUrl}: a JPG or PNG, 360x200 (first) or 200x200, or {@code null}
 * @param url {@code Url}: the link opened on tap, or {@code null}
 */
public record Article(String title, String description, String picUrl, String url) {

}
