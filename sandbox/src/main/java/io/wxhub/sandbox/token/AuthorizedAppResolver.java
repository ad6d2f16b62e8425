package io.wxhub.sandbox.token;

import jakarta.servlet.http.HttpServletRequest;

import io.wxhub.protocol.error.WeChatException;
import io.wxhub.sandbox.quota.QuotaService;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatErrors;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link AuthorizedApp} parameters from the {@code access_token} query parameter
 * and counts the call against the app's daily quota of the path.
 */
class AuthorizedAppResolver implements HandlerMethodArgumentResolver {

	private final CredentialLedger ledger;

	private final QuotaService quotas;

	AuthorizedAppResolver(CredentialLedger ledger, QuotaService quotas) {
		this.ledger = ledger;
		this.quotas = quotas;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return AuthorizedApp.class.equals(parameter.getParameterType());
	}

	@Override
	public AuthorizedApp resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		CredentialCheck check = this.ledger.checkAccessToken(request.getParameter("access_token"));
		if (!check.valid()) {
			throw new WeChatException(WeChatErrors.error(check.errcode()));
		}
		Credential token = check.credential();
		this.quotas.consume(token.appId(), CgiPaths.of(request));
		return new AuthorizedApp(token.appId(), token.kind());
	}

}
