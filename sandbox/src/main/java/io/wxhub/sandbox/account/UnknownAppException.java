package io.wxhub.sandbox.account;

/**
 * A {@code /sandbox} endpoint named an app that is not configured.
 */
public class UnknownAppException extends RuntimeException {

	private final String appId;

	public UnknownAppException(String appId) {
		super("No sandbox account with appId " + appId);
		this.appId = appId;
	}

	public String appId() {
		return this.appId;
	}

}
