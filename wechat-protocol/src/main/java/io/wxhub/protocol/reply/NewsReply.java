package io.wxhub.protocol.reply;

import java.util.List;
import java.util.Objects;

/**
 * A news (link card) reply. WeChat shows only 1 article when replying to a follower's
 * message and up to {@value #MAX_ARTICLES} otherwise, and drops the rest.
 *
 * @param articles 1 to {@value #MAX_ARTICLES} articles
 */
public record NewsReply(List<Article> articles) implements Reply {

	/** The {@code MsgType} of this reply. */
	public static final String TYPE = "news";

	/** The most articles WeChat accepts in one reply. */
	public static final int MAX_ARTICLES = 8;

	public NewsReply {
		Objects.requireNonNull(articles, "articles must not be null");
		articles = List.copyOf(articles);
		if (articles.isEmpty() || articles.size() > MAX_ARTICLES) {
			throw new IllegalArgumentException("A news reply needs 1 to " + MAX_ARTICLES + " articles");
		}
	}

	/**
	 * Create a news reply from the given articles.
	 * @param articles 1 to {@value #MAX_ARTICLES} articles
	 * @return the reply
	 */
	public static NewsReply of(Article... articles) {
		return new NewsReply(List.of(articles));
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}
