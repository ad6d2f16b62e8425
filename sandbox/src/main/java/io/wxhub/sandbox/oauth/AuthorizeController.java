package io.wxhub.sandbox.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.wechat.CgiPaths;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code open.weixin.qq.com/connect/oauth2/authorize}: the follower signed in to WeChat
 * is the one named by the sandbox's {@code openid} parameter, else the app's first
 * follower. {@code snsapi_base} redirects at once with a code, as WeChat's silent
 * authorization does; {@code snsapi_userinfo} shows the consent screen, where the person
 * may also pick another follower, and whose buttons post back here.
 */
@Controller
class AuthorizeController {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final AccountRegistry accounts;

	private final WebAuthProfiles profiles;

	private final AuthorizationCodes codes;

	AuthorizeController(AccountRegistry accounts, WebAuthProfiles profiles, AuthorizationCodes codes) {
		this.accounts = accounts;
		this.profiles = profiles;
		this.codes = codes;
	}

	// #wechat_redirect never reaches a server; other parameters (connect_redirect,
	// forcePopup…) are ignored
	@GetMapping(CgiPaths.OAUTH2_AUTHORIZE)
	ResponseEntity<String> authorize(@RequestParam(required = false) String appid,
			@RequestParam(name = "redirect_uri", required = false) String redirectUri,
			@RequestParam(name = "response_type", required = false) String responseType,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String state,
			@RequestParam(required = false) String openid, HttpServletRequest servletRequest) {
		AuthorizeRequest request = AuthorizeRequest.of(this.accounts::find, appid, redirectUri, responseType, scope,
				state);
		FollowerProfile follower = signedIn(request, openid);
		if (request.scope() == WebAuthScope.BASE) {
			return redirect(request, follower);
		}
		String page = AuthorizePages.consent(request, this.profiles.all(request.account().appId()), follower,
				servletRequest.getContextPath());
		return ResponseEntity.ok().contentType(HTML).body(page);
	}

	// a refusal goes back without a code, as WeChat's documentation once described
	@PostMapping(CgiPaths.OAUTH2_AUTHORIZE)
	ResponseEntity<String> decide(@RequestParam(required = false) String appid,
			@RequestParam(name = "redirect_uri", required = false) String redirectUri,
			@RequestParam(name = "response_type", required = false) String responseType,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String state,
			@RequestParam(required = false) String openid, @RequestParam(required = false) String action) {
		AuthorizeRequest request = AuthorizeRequest.of(this.accounts::find, appid, redirectUri, responseType, scope,
				state);
		FollowerProfile follower = signedIn(request, openid);
		if ("allow".equals(action)) {
			return redirect(request, follower);
		}
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.redirectWith(null))).build();
	}

	@ExceptionHandler(AuthorizePageException.class)
	ResponseEntity<String> refused(AuthorizePageException ex) {
		return ResponseEntity.badRequest().contentType(HTML).body(AuthorizePages.error(ex));
	}

	private FollowerProfile signedIn(AuthorizeRequest request, String openid) {
		String appId = request.account().appId();
		if (openid != null && !openid.isBlank()) {
			return this.profiles.find(appId, openid)
				.orElseThrow(() -> new AuthorizePageException(null, "openid 不是该公众号的模拟粉丝"));
		}
		return this.profiles.signedIn(appId).orElseThrow(() -> new AuthorizePageException(null, "该公众号没有模拟粉丝"));
	}

	private ResponseEntity<String> redirect(AuthorizeRequest request, FollowerProfile follower) {
		AuthorizationCode code = this.codes.issue(request.account().appId(), follower.openid(), request.scope());
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.redirectWith(code.value()))).build();
	}

}
