package io.wxhub.sandbox.menu;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /sandbox/apps/{appId}/menu}: the menu followers see, as created.
 */
class FollowerMenuTests extends SandboxTestSupport {

	private static final String MENU = """
			{"button":[{"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC"},
			  {"name":"菜单","sub_button":[{"type":"view","name":"搜索","url":"http://www.soso.com/"},
			     {"type":"click","name":"赞一下我们","key":"V1001_GOOD"}]}]}""";

	@Test
	void emptyUntilCreatedThenAsCreatedAndEmptyAgainAfterDelete() {
		assertThat(menu(APP).body()).isEqualTo("{\"button\":[]}");
		String token = classicToken();
		assertThat(this.http.post("/cgi-bin/menu/create?access_token={t}", MENU, token).errcode()).isZero();

		Reply created = menu(APP);
		assertThat(created.contentType().toString()).startsWith("application/json");
		assertThat(created.json()).isEqualTo(JsonMapper.shared().readTree(MENU));
		assertThat(menu(APP2).body()).isEqualTo("{\"button\":[]}");

		assertThat(this.http.get("/cgi-bin/menu/delete?access_token={t}", token).errcode()).isZero();
		assertThat(menu(APP).body()).isEqualTo("{\"button\":[]}");
	}

	@Test
	void anUnknownAppIsNotFound() {
		Reply reply = this.http.get("/sandbox/apps/{app}/menu", "nope");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType().toString()).startsWith("application/problem+json");
	}

	private Reply menu(String appId) {
		Reply reply = this.http.get("/sandbox/apps/{app}/menu", appId);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply;
	}

}
