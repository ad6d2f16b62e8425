package io.wxhub.tokenserver.token;

/** Why a refresh was attempted; a metric tag. */
public enum RefreshTrigger {

	/** The scheduler saw the token close to expiry. */
	PROACTIVE,
	/** A read found no usable token, or one close to expiry. */
	LAZY,
	/** A caller reported the current token rejected by WeChat. */
	FORCED;

	/** The metric tag value. */
	public String tag() {
		return name().toLowerCase();
	}

}
