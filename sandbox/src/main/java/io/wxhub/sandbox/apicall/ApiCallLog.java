package io.wxhub.sandbox.apicall;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.wxhub.sandbox.feed.AppFeed;
import io.wxhub.sandbox.system.SandboxState;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The latest {@value #KEPT_PER_APP} WeChat API calls per app (calls no app could be found
 * for under {@code unknown}), for the console's developer panel.
 */
@Component
class ApiCallLog implements SandboxState {

	/** How many calls are kept per app; older ones are dropped. */
	static final int KEPT_PER_APP = 200;

	private final AtomicLong ids = new AtomicLong();

	private final AppFeed<ApiCall> feed = new AppFeed<>("api-calls", KEPT_PER_APP);

	/**
	 * @return the id of the next call
	 */
	long nextId() {
		return this.ids.incrementAndGet();
	}

	void record(ApiCall call) {
		this.feed.add(call.appId(), call);
	}

	List<ApiCall> latest(String appId, int limit) {
		return this.feed.latest(appId, (call) -> true, limit);
	}

	SseEmitter watch(String appId) {
		return this.feed.watch(appId, (call) -> true);
	}

	@Override
	public void reset() {
		this.feed.clear();
	}

	@EventListener(ContextClosedEvent.class)
	void closeStreams() {
		this.feed.close();
	}

}
