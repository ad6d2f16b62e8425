package io.wxhub.sample;

import java.util.Map;

import io.wxhub.client.JsapiSignature;
import io.wxhub.client.WxhubTokens;
import me.chanjar.weixin.common.bean.WxJsapiSignature;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.menu.WxMpMenu;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an internal app does with WeChat, written as with plain WxJava: the
 * {@link WxMpService} is the one WxJava's starter builds, and its tokens come from the
 * token server (the property {@code wxhub.wxjava.enabled}).
 */
@RestController
class AccountController {

	private final WxMpService wechat;

	private final WxhubTokens tokens;

	AccountController(WxMpService wechat, WxhubTokens tokens) {
		this.wechat = wechat;
		this.tokens = tokens;
	}

	/** Creates the account's menu, then reads it back from WeChat. */
	@PostMapping("/menu")
	WxMpMenu createMenu() throws WxErrorException {
		WxMenuButton today = new WxMenuButton();
		today.setType("click");
		today.setName("今日歌曲");
		today.setKey("V1001_TODAY_MUSIC");
		WxMenu menu = new WxMenu();
		menu.getButtons().add(today);
		this.wechat.getMenuService().menuCreate(menu);
		return this.wechat.getMenuService().menuGet();
	}

	@GetMapping("/menu")
	WxMpMenu menu() throws WxErrorException {
		return this.wechat.getMenuService().menuGet();
	}

	/** Sends a follower a customer-service text message. */
	@PostMapping("/followers/{openid}/messages")
	Map<String, Object> send(@PathVariable String openid, @RequestBody String text) throws WxErrorException {
		boolean sent = this.wechat.getKefuService()
			.sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openid).content(text).build());
		return Map.of("sent", sent);
	}

	/** A JS-SDK signature made by WxJava with the token server's jsapi ticket. */
	@GetMapping("/jsapi-signature")
	WxJsapiSignature jsapiSignature(@RequestParam String url) throws WxErrorException {
		return this.wechat.createJsapiSignature(url);
	}

	/** The same, made by the token server itself: no WxJava needed. */
	@GetMapping("/jsapi-signature/central")
	JsapiSignature centralJsapiSignature(@RequestParam String url) {
		return this.tokens.jsapiSignature(this.wechat.getWxMpConfigStorage().getAppId(), url);
	}

	/**
	 * WeChat's refusal, for the caller to read (never with the token in it): a 503 when
	 * WeChat was busy (-1), else a 400, WeChat's errcodes being about what was asked.
	 */
	@ExceptionHandler
	ProblemDetail refused(WxErrorException ex) {
		HttpStatus status = (ex.getError().getErrorCode() == -1) ? HttpStatus.SERVICE_UNAVAILABLE
				: HttpStatus.BAD_REQUEST;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "WeChat refused the call");
		problem.setProperty("errcode", ex.getError().getErrorCode());
		problem.setProperty("errmsg", ex.getError().getErrorMsg());
		return problem;
	}

}
