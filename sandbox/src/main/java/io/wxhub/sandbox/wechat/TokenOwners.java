package io.wxhub.sandbox.wechat;

import java.util.Optional;

/**
 * Knows which app an access token was issued to, so that a call carrying only a token is
 * counted, and hit by faults, under its app.
 */
public interface TokenOwners {

	/**
	 * @param accessToken a presented token, possibly {@code null}
	 * @return the app it was issued to, valid or not, if this store issued it
	 */
	Optional<String> ownerOf(String accessToken);

}
