package io.wxhub.sandbox.quota;

import java.util.Map;
import java.util.function.Function;

import io.wxhub.sandbox.SandboxHttp;
import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily quotas of the menu, message, media, user and QR code APIs.
 */
class ApiQuotaTests extends SandboxTestSupport {

	private static final Map<String, Long> WECHAT_LIMITS = Map.ofEntries(Map.entry("/cgi-bin/menu/create", 1_000L),
			Map.entry("/cgi-bin/menu/get", 10_000L), Map.entry("/cgi-bin/menu/delete", 1_000L),
			Map.entry("/cgi-bin/get_current_selfmenu_info", 10_000L),
			Map.entry("/cgi-bin/message/custom/send", 500_000L), Map.entry("/cgi-bin/message/template/send", 100_000L),
			Map.entry("/cgi-bin/media/upload", 100_000L), Map.entry("/cgi-bin/media/get", 200_000L),
			Map.entry("/cgi-bin/user/info", 5_000_000L), Map.entry("/cgi-bin/user/info/batchget", 5_000_000L),
			Map.entry("/cgi-bin/user/get", 500L), Map.entry("/cgi-bin/qrcode/create", 100_000L));

	@Test
	void quotaGetKnowsTheNewApis() {
		String token = classicToken();
		WECHAT_LIMITS.forEach((path, limit) -> {
			Reply reply = this.http.post("/cgi-bin/openapi/quota/get?access_token={t}", Map.of("cgi_path", path),
					token);
			assertThat(reply.errcode()).as(path).isZero();
			assertThat(reply.json().path("quota").path("daily_limit").asLong()).as(path).isEqualTo(limit);
			assertThat(reply.json().path("quota").path("used").asLong()).as(path).isZero();
		});
	}

	@Test
	void everyNewApiAnswers45009OnceItsQuotaIsSpent() {
		Map<String, Function<String, Reply>> calls = Map.ofEntries(
				Map.entry("/cgi-bin/menu/create", (token) -> post("/cgi-bin/menu/create", token, "{\"button\":[]}")),
				Map.entry("/cgi-bin/menu/get", (token) -> get("/cgi-bin/menu/get", token)),
				Map.entry("/cgi-bin/menu/delete", (token) -> get("/cgi-bin/menu/delete", token)),
				Map.entry("/cgi-bin/get_current_selfmenu_info",
						(token) -> get("/cgi-bin/get_current_selfmenu_info", token)),
				Map.entry("/cgi-bin/message/custom/send",
						(token) -> post("/cgi-bin/message/custom/send", token,
								Map.of("touser", demoFollower(APP, 1), "msgtype", "text", "text",
										Map.of("content", "hi")))),
				Map.entry("/cgi-bin/message/template/send",
						(token) -> post("/cgi-bin/message/template/send", token,
								Map.of("touser", demoFollower(APP, 1), "template_id", "T", "data", Map.of()))),
				Map.entry("/cgi-bin/media/upload",
						(token) -> this.http.upload("/cgi-bin/media/upload?access_token={t}&type=image",
								SandboxHttp.media("a.jpg", "image/jpeg", new byte[] { 1 }), token)),
				Map.entry("/cgi-bin/media/get", (token) -> get("/cgi-bin/media/get", token)),
				Map.entry("/cgi-bin/user/info", (token) -> get("/cgi-bin/user/info", token)),
				Map.entry("/cgi-bin/user/info/batchget",
						(token) -> post("/cgi-bin/user/info/batchget", token, "{\"user_list\":[]}")),
				Map.entry("/cgi-bin/user/get", (token) -> get("/cgi-bin/user/get", token)),
				Map.entry("/cgi-bin/qrcode/create", (token) -> post("/cgi-bin/qrcode/create", token, Map
					.of("action_name", "QR_LIMIT_SCENE", "action_info", Map.of("scene", Map.of("scene_id", 1))))));
		assertThat(calls.keySet()).isEqualTo(WECHAT_LIMITS.keySet());
		String token = classicToken();
		calls.forEach((path, call) -> {
			this.http.put("/sandbox/apps/{app}/quotas", Map.of("path", path, "dailyLimit", 2), APP);
			// business errors count too: WeChat checks the quota first
			assertThat(call.apply(token).errcode()).as(path).isNotEqualTo(45009);
			assertThat(call.apply(token).errcode()).as(path).isNotEqualTo(45009);
			Reply spent = call.apply(token);
			assertThat(spent.errcode()).as(path).isEqualTo(45009);
			assertThat(spent.errmsg()).as(path).matches("reach max api daily quota limit" + RID);
			Reply quota = this.http.post("/cgi-bin/openapi/quota/get?access_token={t}", Map.of("cgi_path", path),
					token);
			assertThat(quota.json().path("quota").path("used").asLong()).as(path).isEqualTo(2);
			assertThat(quota.json().path("quota").path("remain").asLong()).as(path).isZero();
		});
	}

	private Reply get(String path, String token) {
		return this.http.get(path + "?access_token={t}", token);
	}

	private Reply post(String path, String token, Object body) {
		return this.http.post(path + "?access_token={t}", body, token);
	}

}
