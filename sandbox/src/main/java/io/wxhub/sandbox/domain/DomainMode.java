package io.wxhub.sandbox.domain;

import java.util.Locale;

/** How one extra port behaves, as a WeChat domain in trouble would. */
enum DomainMode {

	/** Serves the emulated WeChat. */
	OK,

	/** Refuses connections: the port is closed, open connections are dropped. */
	REFUSE,

	/** Accepts connections and requests, and never answers. */
	HANG;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static DomainMode of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
