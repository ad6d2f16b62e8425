package io.wxhub.sandbox.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import io.wxhub.sandbox.follower.FollowerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class UserApiTests extends SandboxTestSupport {

	@Autowired
	private FollowerRegistry followers;

	private String token;

	@BeforeEach
	void token() {
		this.token = classicToken();
	}

	@Test
	void infoOfAFollower() {
		String openid = demoFollower(APP, 1);
		long subscribeTime = this.followers.require(APP, openid).subscribeTime().getEpochSecond();
		Reply reply = info(openid, "zh_CN");
		assertThat(reply.body()).isEqualTo("{\"subscribe\":1,\"openid\":\"" + openid + "\",\"language\":\"zh_CN\","
				+ "\"subscribe_time\":" + subscribeTime + ",\"remark\":\"\",\"groupid\":0,\"tagid_list\":[],"
				+ "\"subscribe_scene\":\"ADD_SCENE_OTHERS\",\"qr_scene\":0,\"qr_scene_str\":\"\"}");
		assertThat(info(openid, "klingon").body()).isEqualTo(reply.body());
		assertThat(this.http.get("/cgi-bin/user/info?access_token={t}&openid={o}", this.token, openid).body())
			.isEqualTo(reply.body());
	}

	@Test
	void formerFollowersShowOnlyThatTheyLeft() {
		String openid = demoFollower(APP, 3);
		assertThat(info(openid, "en").body()).isEqualTo("{\"subscribe\":0,\"openid\":\"" + openid + "\"}");
	}

	@Test
	void unknownOpenidsAre40003() {
		Reply unknown = info("oNobody", "zh_CN");
		assertThat(unknown.errcode()).isEqualTo(40003);
		assertThat(unknown.errmsg()).matches("invalid openid" + RID);
		assertThat(this.http.get("/cgi-bin/user/info?access_token={t}", this.token).errcode()).isEqualTo(40003);
		assertThat(info(demoFollower(APP2, 1), "zh_CN").errcode()).isEqualTo(40003);
		assertThat(this.http.get("/cgi-bin/user/info?openid=x").errcode()).isEqualTo(41001);
	}

	@Test
	void batchGetAnswersInOrder() {
		List<Map<String, String>> users = List.of(Map.of("openid", demoFollower(APP, 2), "lang", "zh_CN"),
				Map.of("openid", demoFollower(APP, 3)), Map.of("openid", demoFollower(APP, 1), "lang", "en"));
		JsonNode list = batch(Map.of("user_list", users)).json().path("user_info_list");
		assertThat(list.size()).isEqualTo(3);
		assertThat(list.get(0).path("openid").asString()).isEqualTo(demoFollower(APP, 2));
		assertThat(list.get(0).path("subscribe").asInt()).isEqualTo(1);
		assertThat(list.get(1).path("subscribe").asInt()).isZero();
		assertThat(list.get(1).size()).isEqualTo(2);
		assertThat(list.get(2).path("openid").asString()).isEqualTo(demoFollower(APP, 1));
	}

	@Test
	void batchGetIsChecked() {
		List<Map<String, String>> hundredAndOne = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			hundredAndOne.add(Map.of("openid", demoFollower(APP, 1)));
		}
		assertThat(batch(Map.of("user_list", hundredAndOne.subList(0, 100))).json().path("user_info_list").size())
			.isEqualTo(100);
		assertThat(batch(Map.of("user_list", hundredAndOne)).errcode()).isEqualTo(40097);
		assertThat(batch(Map.of("user_list", List.of())).errcode()).isEqualTo(40097);
		assertThat(batch(Map.of("user_list", List.of(Map.of("openid", "oNobody")))).errcode()).isEqualTo(40003);
		assertThat(batch(Map.of("users", List.of())).errcode()).isEqualTo(47001);
		assertThat(batch("[1,2]").errcode()).isEqualTo(47001);
		assertThat(this.http.post("/cgi-bin/user/info/batchget?access_token={t}", null, this.token).errcode())
			.isEqualTo(44002);
	}

	@Test
	void listsFollowersOnly() {
		Reply reply = list(null);
		String first = demoFollower(APP, 1);
		String second = demoFollower(APP, 2);
		assertThat(reply.body()).isEqualTo("{\"total\":2,\"count\":2,\"data\":{\"openid\":[\"" + first + "\",\""
				+ second + "\"]},\"next_openid\":\"" + second + "\"}");
		assertThat(list(second).body())
			.isEqualTo("{\"total\":2,\"count\":0,\"data\":{\"openid\":[]},\"next_openid\":\"\"}");
		assertThat(list(first).json().path("data").path("openid").get(0).asString()).isEqualTo(second);
		assertThat(list("oNobody").errcode()).isEqualTo(40003);
	}

	@Test
	void pagesHoldTenThousandOpenids() {
		for (int i = 0; i < 10_005; i++) {
			this.followers.save(APP, null, null, null);
		}
		JsonNode first = list(null).json();
		assertThat(first.path("total").asLong()).isEqualTo(10_007);
		assertThat(first.path("count").asInt()).isEqualTo(10_000);
		JsonNode openids = first.path("data").path("openid");
		assertThat(openids.size()).isEqualTo(10_000);
		assertThat(first.path("next_openid").asString()).isEqualTo(openids.get(9_999).asString());
		JsonNode second = list(first.path("next_openid").asString()).json();
		assertThat(second.path("total").asLong()).isEqualTo(10_007);
		assertThat(second.path("count").asInt()).isEqualTo(7);
		assertThat(second.path("next_openid").asString())
			.isEqualTo(second.path("data").path("openid").get(6).asString());
		JsonNode third = list(second.path("next_openid").asString()).json();
		assertThat(third.path("count").asInt()).isZero();
		assertThat(third.path("next_openid").asString()).isEmpty();
	}

	private Reply info(String openid, String lang) {
		return this.http.get("/cgi-bin/user/info?access_token={t}&openid={o}&lang={l}", this.token, openid, lang);
	}

	private Reply batch(Object body) {
		return this.http.post("/cgi-bin/user/info/batchget?access_token={t}", body, this.token);
	}

	private Reply list(String nextOpenid) {
		return (nextOpenid != null)
				? this.http.get("/cgi-bin/user/get?access_token={t}&next_openid={n}", this.token, nextOpenid)
				: this.http.get("/cgi-bin/user/get?access_token={t}", this.token);
	}

}
