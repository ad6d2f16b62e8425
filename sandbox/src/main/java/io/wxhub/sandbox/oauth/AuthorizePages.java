package io.wxhub.sandbox.oauth;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The pages of {@code open.weixin.qq.com} that the sandbox shows: the consent screen of
 * {@code snsapi_userinfo}, with a picker of who is signed in, and the error page. Plain
 * HTML and CSS; every element a browser test needs has a stable {@code id}.
 */
final class AuthorizePages {

	private static final String STYLE = """
			body{margin:0;background:#ededed;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#191919}
			main{max-width:420px;margin:0 auto;padding:24px 20px;background:#fff;min-height:100vh;box-sizing:border-box}
			.banner{font-size:12px;color:#888;text-align:center;margin:0 0 24px}
			h1{font-size:20px;text-align:center;margin:0 0 8px}
			.ask{text-align:center;color:#555;margin:0 0 24px}
			fieldset{border:1px solid #e5e5e5;border-radius:8px;padding:8px 12px;margin:0 0 24px}
			legend{font-size:13px;color:#888;padding:0 4px}
			label{display:flex;align-items:center;gap:10px;padding:8px 0;cursor:pointer}
			label img{width:40px;height:40px;border-radius:4px}
			.openid{font-size:11px;color:#aaa;word-break:break-all}
			.buttons{display:flex;gap:12px}
			button{flex:1;padding:12px;border:0;border-radius:6px;font-size:17px;cursor:pointer}
			#allow{background:#07c160;color:#fff}#deny{background:#f2f2f2;color:#07c160}
			.hint{font-size:12px;color:#aaa;margin-top:24px}
			#error{text-align:center;font-size:17px;margin:32px 0 8px}.code{text-align:center;color:#888}
			""";

	private AuthorizePages() {
	}

	static String consent(AuthorizeRequest request, List<FollowerProfile> followers, FollowerProfile signedIn,
			String contextPath) {
		StringBuilder body = new StringBuilder();
		body.append("<h1 id=\"account-name\">").append(escape(request.account().displayName())).append("</h1>\n");
		body.append("<p class=\"ask\" id=\"ask\">申请获得你的昵称、头像</p>\n");
		body.append("<form id=\"consent\" method=\"post\" action=\"authorize\">\n");
		hidden(body, "appid", request.account().appId());
		hidden(body, "redirect_uri", request.redirectUri());
		hidden(body, "response_type", "code");
		hidden(body, "scope", request.scope().wireName());
		hidden(body, "state", request.state());
		body.append("<fieldset id=\"followers\"><legend>当前登录的微信用户</legend>\n");
		for (FollowerProfile follower : followers) {
			String id = "follower-" + follower.openid();
			body.append("<label for=\"")
				.append(id)
				.append("\"><input type=\"radio\" name=\"openid\" id=\"")
				.append(id)
				.append("\" value=\"")
				.append(escape(follower.openid()))
				.append(follower.openid().equals(signedIn.openid()) ? "\" checked>" : "\">")
				.append("<img src=\"")
				.append(escape(contextPath + follower.avatarPath(64)))
				.append("\" alt=\"\"><span><span class=\"nickname\">")
				.append(escape(follower.nickname()))
				.append(follower.subscribed() ? "" : "（未关注）")
				.append("</span><br><span class=\"openid\">")
				.append(escape(follower.openid()))
				.append("</span></span></label>\n");
		}
		body.append("</fieldset>\n<div class=\"buttons\">");
		body.append("<button type=\"submit\" id=\"deny\" name=\"action\" value=\"deny\">拒绝</button>");
		body.append("<button type=\"submit\" id=\"allow\" name=\"action\" value=\"allow\">允许</button></div>\n");
		body.append("</form>\n<p class=\"hint\">允许：带着 code 和 state 跳回 redirect_uri；")
			.append("拒绝：跳回 redirect_uri，只带 state。</p>\n");
		return page("consent-page", body.toString());
	}

	static String error(AuthorizePageException ex) {
		StringBuilder body = new StringBuilder("<h1>参数错误</h1>\n<p id=\"error\">").append(escape(ex.getMessage()))
			.append("</p>\n");
		if (ex.errcode() != null) {
			body.append("<p class=\"code\">错误码：<span id=\"errcode\">").append(ex.errcode()).append("</span></p>\n");
		}
		return page("error-page", body.toString());
	}

	private static String page(String id, String body) {
		return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
				+ "<title>微信网页授权</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main id=\"" + id
				+ "\">\n<p class=\"banner\">微信沙盒 · 模拟 open.weixin.qq.com</p>\n" + body + "</main>\n</body>\n</html>\n";
	}

	private static void hidden(StringBuilder body, String name, String value) {
		body.append("<input type=\"hidden\" name=\"")
			.append(name)
			.append("\" value=\"")
			.append(escape(value))
			.append("\">\n");
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
