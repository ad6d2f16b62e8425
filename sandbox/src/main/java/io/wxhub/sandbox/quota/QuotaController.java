package io.wxhub.sandbox.quota;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wxhub.protocol.error.WeChatError;
import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.token.AuthorizedApp;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatBodies;
import io.wxhub.sandbox.wechat.WeChatErrors;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class QuotaController {

	private final QuotaService quotas;

	private final AccountRegistry accounts;

	private final WeChatBodies bodies;

	QuotaController(QuotaService quotas, AccountRegistry accounts, WeChatBodies bodies) {
		this.quotas = quotas;
		this.accounts = accounts;
		this.bodies = bodies;
	}

	@PostMapping(CgiPaths.CLEAR_QUOTA)
	WeChatError clearQuota(AuthorizedApp app, @RequestBody(required = false) String body) {
		ClearQuotaRequest request = this.bodies.read(body, ClearQuotaRequest.class);
		if (request.appid() == null || request.appid().isEmpty()) {
			throw WeChatErrors.of(WeChatErrorCode.APPID_MISSING);
		}
		if (this.accounts.find(request.appid()).isEmpty()) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_APPID);
		}
		if (!request.appid().equals(app.appId())) {
			throw WeChatErrors.of(WeChatErrorCode.API_UNAUTHORIZED);
		}
		this.quotas.clear(app.appId());
		return WeChatErrors.OK;
	}

	@PostMapping(CgiPaths.QUOTA_GET)
	QuotaResponse quota(AuthorizedApp app, @RequestBody(required = false) String body) {
		QuotaRequest request = this.bodies.read(body, QuotaRequest.class);
		if (request.cgiPath() == null || !request.cgiPath().startsWith("/")) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_CGI_PATH);
		}
		QuotaUsage usage = this.quotas.usage(app.appId(), request.cgiPath())
			.orElseThrow(() -> WeChatErrors.of(WeChatErrorCode.CGI_PATH_NOT_FOUND));
		return new QuotaResponse(0, "ok", new Quota(usage.dailyLimit(), usage.used(), usage.remain()));
	}

	record ClearQuotaRequest(String appid) {
	}

	record QuotaRequest(@JsonProperty("cgi_path") String cgiPath) {
	}

	record QuotaResponse(int errcode, String errmsg, Quota quota) {
	}

	record Quota(@JsonProperty("daily_limit") long dailyLimit, long used, long remain) {
	}

}
