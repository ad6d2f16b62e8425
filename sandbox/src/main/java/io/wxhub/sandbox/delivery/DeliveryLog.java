package io.wxhub.sandbox.delivery;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.wxhub.sandbox.feed.AppFeed;
import io.wxhub.sandbox.system.SandboxState;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The latest {@value #KEPT_PER_APP} pushes per app, with their attempts and the checks of
 * the answer, for the console's developer panel.
 */
@Component
public class DeliveryLog implements SandboxState {

	/** How many deliveries are kept per app; older ones are dropped. */
	public static final int KEPT_PER_APP = 200;

	private final AtomicLong ids = new AtomicLong();

	private final AppFeed<PushDelivery> feed = new AppFeed<>("deliveries", KEPT_PER_APP);

	/**
	 * @return the id of the next delivery
	 */
	public long nextId() {
		return this.ids.incrementAndGet();
	}

	/**
	 * @param delivery a finished delivery
	 */
	public void record(PushDelivery delivery) {
		this.feed.add(delivery.appId(), delivery);
	}

	/**
	 * @param appId the app
	 * @param openid only this follower's, {@code null} for all
	 * @param limit at most this many
	 * @return the latest deliveries, newest first
	 */
	List<PushDelivery> latest(String appId, String openid, int limit) {
		return this.feed.latest(appId, (delivery) -> of(openid, delivery), limit);
	}

	/**
	 * @param appId the app
	 * @param openid only this follower's, {@code null} for all
	 * @return the deliveries so far, then each new one, as server-sent events
	 */
	SseEmitter watch(String appId, String openid) {
		return this.feed.watch(appId, (delivery) -> of(openid, delivery));
	}

	@Override
	public void reset() {
		this.feed.clear();
	}

	@EventListener(ContextClosedEvent.class)
	void closeStreams() {
		this.feed.close();
	}

	private static boolean of(String openid, PushDelivery delivery) {
		return openid == null || openid.equals(delivery.openid());
	}

}
