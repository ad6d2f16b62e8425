package io.wxhub.apiproxy.tokens;

import feign.FeignException;

import org.springframework.stereotype.Component;

/**
 * Web authorization's code exchange, made by the token server with the AppSecret:
 * WeChat's answer as WeChat wrote it. Blocks; never call it on an event loop.
 */
@Component
public class CodeExchanges {

	private final TokenServerClient tokenServer;

	public CodeExchanges(TokenServerClient tokenServer) {
		this.tokenServer = tokenServer;
	}

	/**
	 * Exchanges a code.
	 * @param appId the app, one the proxy's key may read at the token server
	 * @param code the code
	 * @return WeChat's JSON, errcodes included
	 * @throws CodeExchangeException when the token server gave no WeChat answer
	 */
	public byte[] exchange(String appId, String code) {
		try {
			return this.tokenServer.exchangeCode(appId, new TokenServerClient.CodeRequest(code));
		}
		catch (FeignException ex) {
			throw new CodeExchangeException(ex.status());
		}
		catch (RuntimeException ex) {
			throw new CodeExchangeException(-1);
		}
	}

}
