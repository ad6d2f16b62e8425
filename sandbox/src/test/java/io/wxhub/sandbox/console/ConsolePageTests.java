package io.wxhub.sandbox.console;

import java.util.List;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console is static: one page at {@code /} in UTF-8, its style and script beside it,
 * nothing from elsewhere.
 */
class ConsolePageTests extends SandboxTestSupport {

	@Test
	void thePageIsServedAtTheRootWithItsNamedControls() {
		Reply page = this.http.get("/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(page.body()).contains("<meta charset=\"utf-8\">")
			.contains("<title>微信沙盒 · 控制台</title>")
			.contains("<label for=\"message\" class=\"visually-hidden\">消息</label>")
			.contains("<button type=\"submit\" id=\"send\">发送</button>")
			.contains("<ul id=\"conversation\"")
			.doesNotContain("//cdn", "https://", "http://");
		assertThat(this.http.get("/console/console.css").body()).contains("PingFang SC", "Noto Sans CJK SC",
				"WenQuanYi Micro Hei");
		Reply script = this.http.get("/console/console.js");
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.body()).contains("/conversations/").contains("new EventSource(");
	}

	@Test
	void theChatsOtherPartsAreServedBesideItAndLoadedInOrder() {
		String page = this.http.get("/").body();
		assertThat(page).contains("<input id=\"image-file\" type=\"file\" accept=\"image/*\"")
			.contains("<nav id=\"menu\"")
			.contains("<ul id=\"qrcodes\"");
		List<String> scripts = List.of("console.js", "chat.js", "composer.js", "menu.js", "qrcode.js");
		int previous = -1;
		for (String script : scripts) {
			String tag = "<script src=\"console/" + script + "\" defer></script>";
			assertThat(page.indexOf(tag)).as(tag).isGreaterThan(previous);
			previous = page.indexOf(tag);
			Reply served = this.http.get("/console/" + script);
			assertThat(served.status()).as(script).isEqualTo(200);
			assertThat(served.body()).as(script).doesNotContain("//cdn", "innerHTML");
		}
		assertThat(this.http.get("/console/composer.js").body()).contains("/media`");
		assertThat(this.http.get("/console/menu.js").body()).contains("/menu`");
		assertThat(this.http.get("/console/qrcode.js").body()).contains("/qrcodes`");
	}

}
