package io.wxhub.sandbox.oauth;

/**
 * What web authorization shows of a follower: on the sandbox's pages, and in
 * {@code /sns/userinfo} for those who granted {@code snsapi_userinfo}.
 *
 * @param appId the app they belong to
 * @param openid their OpenID for that app
 * @param nickname their nickname
 * @param subscribed whether they follow the account now
 * @param unionid their UnionID, {@code null} unless the account is bound to an Open
 * Platform account
 */
public record FollowerProfile(String appId, String openid, String nickname, boolean subscribed, String unionid) {

	/**
	 * The path of their avatar on the sandbox. Like WeChat's {@code headimgurl}, it ends
	 * in the size: 0 (640 px), 46, 64, 96 or 132.
	 * @param size the size
	 * @return the path, without the sandbox's base URL
	 */
	public String avatarPath(int size) {
		return "/sandbox/apps/" + this.appId + "/followers/" + this.openid + "/avatar/" + size;
	}

}
