package io.wxhub.sandbox.user;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.wxhub.sandbox.follower.Follower;

/**
 * WeChat's profile of a follower as {@code user/info} gives it today: no nickname,
 * avatar, sex or place any more, no unionid (the sandbox binds no Open Platform account).
 * A former follower has only {@code subscribe} 0 and {@code openid}.
 *
 * @param subscribe 1 while following, else 0
 * @param openid the OpenID
 * @param language the follower's language
 * @param subscribeTime when they last followed, in epoch seconds
 * @param remark the account's remark on them
 * @param groupid the legacy group id
 * @param tagidList their tag ids
 * @param subscribeScene how they came to follow
 * @param qrScene the numeric scene of the QR code they followed through, 0 if none
 * @param qrSceneStr the string scene of that QR code, empty if none
 */
@JsonInclude(Include.NON_NULL)
record UserInfo(int subscribe, String openid, String language, @JsonProperty("subscribe_time") Long subscribeTime,
		String remark, Integer groupid, @JsonProperty("tagid_list") List<Integer> tagidList,
		@JsonProperty("subscribe_scene") String subscribeScene, @JsonProperty("qr_scene") Integer qrScene,
		@JsonProperty("qr_scene_str") String qrSceneStr) {

	static UserInfo of(Follower follower) {
		if (!follower.subscribed()) {
			return new UserInfo(0, follower.openid(), null, null, null, null, null, null, null, null);
		}
		return new UserInfo(1, follower.openid(), "zh_CN", follower.subscribeTime().getEpochSecond(), "", 0, List.of(),
				"ADD_SCENE_OTHERS", 0, "");
	}

}
