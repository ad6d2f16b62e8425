package io.wxhub.webauth.demo;

import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;

import org.springframework.web.util.HtmlUtils;

/** The demo's HTML. */
final class DemoPages {

	private static final String HEAD = """
			<!DOCTYPE html>
			<html lang="zh-CN"><head><meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1"><title>wxhub 网页授权演示</title>
			<style>body{font-family:-apple-system,"PingFang SC",sans-serif;background:#ededed;margin:0;padding:32px 16px;color:#191919}
			main{max-width:480px;margin:auto;background:#fff;border-radius:8px;padding:24px}
			a.button{display:block;margin:12px 0;padding:12px;border-radius:6px;background:#07c160;color:#fff;text-align:center;text-decoration:none}
			table{border-collapse:collapse;width:100%}td{padding:6px 4px;border-bottom:1px solid #eee;word-break:break-all}
			td:first-child{color:#888;width:30%}img{width:64px;height:64px;border-radius:6px}</style></head><body><main>
			""";

	private DemoPages() {
	}

	static String start(String base, String userinfo) {
		return HEAD + """
				<h1>内部网页（演示）</h1>
				<p>This page is an internal web app. It signs a follower in through wxhub's broker.</p>
				<a class="button" id="signin-base" href="%s">静默授权 (snsapi_base)</a>
				<a class="button" id="signin-userinfo" href="%s">获取用户信息 (snsapi_userinfo)</a>
				</main></body></html>
				""".formatted(HtmlUtils.htmlEscape(base), HtmlUtils.htmlEscape(userinfo));
	}

	static String signedIn(JWTClaimsSet claims) {
		StringBuilder rows = new StringBuilder();
		Map<String, Object> all = claims.getClaims();
		for (String name : new String[] { "sub", "app", "scope", "unionid", "nickname", "aud", "exp" }) {
			Object value = all.get(name);
			if (value != null) {
				rows.append("<tr><td>")
					.append(name)
					.append("</td><td id=\"claim-")
					.append(name)
					.append("\">")
					.append(HtmlUtils.htmlEscape(String.valueOf(value)))
					.append("</td></tr>");
			}
		}
		Object picture = all.get("headimgurl");
		String image = (picture != null) ? "<img alt=\"\" src=\"" + HtmlUtils.htmlEscape(picture.toString()) + "\">"
				: "";
		return HEAD + """
				<h1 id="verified">已验证 ✓</h1>
				%s<p>The result's signature verified against the broker's JWK set. The follower:</p>
				<table>%s</table><p><a href="/demo/">again</a></p></main></body></html>
				""".formatted(image, rows);
	}

	static String failed(String reason) {
		return HEAD + "<h1 id=\"failed\">未验证</h1><p>" + reason + "</p></main></body></html>";
	}

}
