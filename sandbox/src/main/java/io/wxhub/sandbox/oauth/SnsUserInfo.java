package io.wxhub.sandbox.oauth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * WeChat's answer to {@code /sns/userinfo}. Since October 2021 WeChat no longer gives sex
 * and place: the fields remain, as 0 and empty strings.
 *
 * @param openid the follower
 * @param nickname their nickname
 * @param sex always 0 (unknown)
 * @param province always empty
 * @param city always empty
 * @param country always empty
 * @param headimgurl their avatar, 132 px
 * @param privilege their privileges, none
 * @param unionid their UnionID, only on an account bound to an Open Platform account
 */
@JsonInclude(Include.NON_NULL)
record SnsUserInfo(String openid, String nickname, int sex, String province, String city, String country,
		String headimgurl, List<String> privilege, String unionid) {

	static SnsUserInfo of(FollowerProfile profile, String headimgurl) {
		return new SnsUserInfo(profile.openid(), profile.nickname(), 0, "", "", "", headimgurl, List.of(),
				profile.unionid());
	}

}
