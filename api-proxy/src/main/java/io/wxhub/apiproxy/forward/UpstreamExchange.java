package io.wxhub.apiproxy.forward;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

/** The call in progress on one upstream connection. */
final class UpstreamExchange {

	final Upstream.Listener listener;

	/** Kept on a reused connection, to resend once should the origin have closed it. */
	HttpRequest resend;

	ScheduledFuture<?> timeout;

	boolean answered;

	UpstreamExchange(Upstream.Listener listener, HttpRequest resend) {
		this.listener = listener;
		this.resend = resend;
	}

	void release() {
		if (this.resend != null) {
			ReferenceCountUtil.release(this.resend);
			this.resend = null;
		}
	}

}
