package io.wxhub.client.autoconfigure;

import io.wxhub.client.WxhubTokens;

/**
 * Adjusts the builder of the auto-configured {@link WxhubTokens} before it is built: a
 * bean of this type is applied in {@code @Order}.
 */
@FunctionalInterface
public interface WxhubTokensBuilderCustomizer {

	/**
	 * Adjusts the builder.
	 * @param builder the builder, with the URLs, client key and timeouts set
	 */
	void customize(WxhubTokens.Builder builder);

}
