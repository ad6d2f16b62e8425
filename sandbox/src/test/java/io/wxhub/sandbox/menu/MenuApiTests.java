package io.wxhub.sandbox.menu;

import java.util.List;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MenuApiTests extends SandboxTestSupport {

	// the official example of the menu/create page
	private static final String OFFICIAL_EXAMPLE = """
			{"button":[
			  {"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC"},
			  {"name":"菜单","sub_button":[
			     {"type":"view","name":"搜索","url":"http://www.soso.com/"},
			     {"type":"miniprogram","name":"wxa","url":"http://mp.weixin.qq.com","appid":"wx286b93c14bbf93aa","pagepath":"pages/lunar/index"},
			     {"type":"click","name":"赞一下我们","key":"V1001_GOOD"}]}]}""";

	private String token;

	@BeforeEach
	void token() {
		this.token = classicToken();
	}

	@Test
	void officialExampleRoundTrips() {
		Reply created = create(OFFICIAL_EXAMPLE);
		assertThat(created.body()).isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\"}");
		JsonNode sent = JsonMapper.shared().readTree(OFFICIAL_EXAMPLE);
		Reply got = this.http.get("/cgi-bin/menu/get?access_token={t}", this.token);
		assertThat(got.contentType().toString()).startsWith("application/json");
		assertThat(got.json().path("menu").path("button")).isEqualTo(sent.path("button"));
		assertThat(got.body()).contains("\"name\":\"今日歌曲\"", "\"name\":\"赞一下我们\"");
		JsonNode self = this.http.get("/cgi-bin/get_current_selfmenu_info?access_token={t}", this.token).json();
		assertThat(self.path("is_menu_open").asInt()).isEqualTo(1);
		JsonNode buttons = self.path("selfmenu_info").path("button");
		assertThat(buttons.size()).isEqualTo(2);
		assertThat(buttons.get(0)).isEqualTo(sent.path("button").get(0));
		assertThat(buttons.get(1).path("name").asString()).isEqualTo("菜单");
		assertThat(buttons.get(1).path("sub_button").path("list"))
			.isEqualTo(sent.path("button").get(1).path("sub_button"));
	}

	@Test
	void noMenuUntilCreatedAndAfterDelete() {
		Reply none = this.http.get("/cgi-bin/menu/get?access_token={t}", this.token);
		assertThat(none.errcode()).isEqualTo(46003);
		assertThat(none.errmsg()).matches("menu no exist" + RID);
		assertThat(this.http.get("/cgi-bin/get_current_selfmenu_info?access_token={t}", this.token).body())
			.isEqualTo("{\"is_menu_open\":0,\"selfmenu_info\":{\"button\":[]}}");
		assertThat(create(OFFICIAL_EXAMPLE).errcode()).isZero();
		String otherToken = token(APP2, SECRET2).text("access_token");
		assertThat(this.http.get("/cgi-bin/menu/get?access_token={t}", otherToken).errcode()).isEqualTo(46003);
		Reply deleted = this.http.get("/cgi-bin/menu/delete?access_token={t}", this.token);
		assertThat(deleted.body()).isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\"}");
		assertThat(this.http.get("/cgi-bin/menu/get?access_token={t}", this.token).errcode()).isEqualTo(46003);
		assertThat(this.http.get("/cgi-bin/menu/delete?access_token={t}", this.token).errcode()).isZero();
	}

	@Test
	void acceptsEveryButtonTypeAndSizesAtTheLimits() {
		List<Object> first = List.of(button("click", "key", "k"), button("scancode_push", "key", "k"),
				button("scancode_waitmsg", "key", "k"), button("pic_sysphoto", "key", "k"),
				button("pic_photo_or_album", "key", "k"));
		List<Object> second = List.of(button("pic_weixin", "key", "k"), button("location_select", "key", "k"),
				button("media_id", "media_id", "MEDIA"), button("view_limited", "media_id", "MEDIA"),
				button("article_id", "article_id", "ARTICLE"));
		List<Object> third = List.of(button("article_view_limited", "article_id", "ARTICLE"),
				button("view", "url", "https://example.com/" + "u".repeat(1004)), Map.of("type", "miniprogram", "name",
						"一".repeat(20), "url", "https://example.com", "appid", "wx1", "pagepath", "pages/index"));
		Reply reply = create(Map.of("button", List.of(Map.of("name", "abcdefghijklmnop", "sub_button", first),
				Map.of("name", "十六字节", "sub_button", second), Map.of("name", "m", "sub_button", third))));
		assertThat(reply.errcode()).as(reply.body()).isZero();
		assertThat(create(Map.of("button", List.of(button("click", "key", "k".repeat(128))))).errcode()).isZero();
	}

	@Test
	void buttonCountsAreChecked() {
		assertThat(create("{\"button\":[]}").errcode()).isEqualTo(40016);
		assertThat(create("{}").errcode()).isEqualTo(40016);
		Object click = button("click", "key", "k");
		assertThat(create(Map.of("button", List.of(click, click, click, click))).errcode()).isEqualTo(40016);
		Reply sixSubs = create(Map.of("button",
				List.of(Map.of("name", "m", "sub_button", List.of(click, click, click, click, click, click)))));
		assertThat(sixSubs.errcode()).isEqualTo(40023);
		assertThat(sixSubs.errmsg()).matches("invalid sub button size" + RID);
		assertThat(create(Map.of("button", List.of(Map.of("name", "m", "sub_button", List.of())))).errcode())
			.isEqualTo(40023);
		Object nested = Map.of("name", "n", "sub_button", List.of(click));
		assertThat(create(Map.of("button", List.of(Map.of("name", "m", "sub_button", List.of(nested))))).errcode())
			.isEqualTo(40022);
	}

	@Test
	void namesAreCheckedInUtf8Bytes() {
		Reply top = create(Map.of("button", List.of(button("click", "key", "k", "name", "今日歌曲今日"))));
		assertThat(top.errcode()).isEqualTo(40018);
		assertThat(top.errmsg()).isEqualTo("invalid button name size");
		assertThat(
				create(Map.of("button", List.of(button("click", "key", "k", "name", "abcdefghijklmnopq")))).errcode())
			.isEqualTo(40018);
		Object longSub = button("click", "key", "k", "name", "一".repeat(20) + "a");
		assertThat(create(Map.of("button", List.of(Map.of("name", "m", "sub_button", List.of(longSub))))).errcode())
			.isEqualTo(40018);
		assertThat(create(Map.of("button", List.of(Map.of("type", "click", "key", "k")))).errcode()).isEqualTo(40018);
	}

	@Test
	void typesAndTheirFieldsAreChecked() {
		assertThat(create(Map.of("button", List.of(button("unknown", "key", "k")))).errcode()).isEqualTo(40017);
		assertThat(create(Map.of("button", List.of(Map.of("name", "a", "key", "k")))).errcode()).isEqualTo(40017);
		assertThat(create(Map.of("button", List.of(Map.of("type", "click", "name", "a")))).errcode()).isEqualTo(40019);
		assertThat(create(Map.of("button", List.of(button("click", "key", "k".repeat(129))))).errcode())
			.isEqualTo(40019);
		Reply noUrl = create(Map.of("button", List.of(Map.of("type", "view", "name", "a"))));
		assertThat(noUrl.errcode()).isEqualTo(40020);
		assertThat(noUrl.errmsg()).matches("invalid button url size" + RID);
		assertThat(create(Map.of("button", List.of(button("view", "url", "u".repeat(1025))))).errcode())
			.isEqualTo(40020);
		assertThat(create(
				Map.of("button", List.of(Map.of("type", "miniprogram", "name", "a", "appid", "wx1", "pagepath", "p"))))
			.errcode()).isEqualTo(40020);
		assertThat(create(Map.of("button", List.of(Map.of("type", "media_id", "name", "a")))).errcode())
			.isEqualTo(40007);
		assertThat(create(Map.of("button", List.of(Map.of("type", "view_limited", "name", "a")))).errcode())
			.isEqualTo(40007);
		assertThat(create(Map.of("button", List.of(Map.of("type", "article_id", "name", "a")))).errcode())
			.isEqualTo(40097);
		assertThat(create(Map.of("button",
				List.of(Map.of("type", "miniprogram", "name", "a", "url", "http://x", "pagepath", "p"))))
			.errcode()).isEqualTo(40097);
	}

	@Test
	void bodiesAreChecked() {
		assertThat(create("not json").errcode()).isEqualTo(47001);
		assertThat(create("{\"button\":{}}").errcode()).isEqualTo(47001);
		assertThat(this.http.post("/cgi-bin/menu/create?access_token={t}", null, this.token).errcode())
			.isEqualTo(44002);
		// WeChat wants raw UTF-8, not \\u escapes
		assertThat(create("{\"button\":[{\"type\":\"click\",\"name\":\"\\u4eca\",\"key\":\"k\"}]}").errcode())
			.isEqualTo(40033);
		assertThat(create("{\"button\":[{\"type\":\"click\",\"name\":\"\\u0041\",\"key\":\"k\"}]}").errcode()).isZero();
		assertThat(this.http.get("/cgi-bin/menu/create?access_token={t}", this.token).errcode()).isEqualTo(43002);
		assertThat(this.http.post("/cgi-bin/menu/create", OFFICIAL_EXAMPLE).errcode()).isEqualTo(41001);
	}

	private Reply create(Object body) {
		return this.http.post("/cgi-bin/menu/create?access_token={t}", body, this.token);
	}

	private static Map<String, Object> button(String type, String field, String value) {
		return button(type, field, value, "name", "b");
	}

	private static Map<String, Object> button(String type, String field, String value, String nameField, String name) {
		return Map.of("type", type, field, value, nameField, name);
	}

}
