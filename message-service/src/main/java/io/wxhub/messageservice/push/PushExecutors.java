package io.wxhub.messageservice.push;

import io.wxhub.messageservice.system.MessageServiceProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The push pipeline's threads: a bounded pool for actions that may block (forwards,
 * handler beans, late customer-service messages) and a small scheduler for deadlines and
 * re-checks. Boot exports both as {@code executor.*} metrics, by bean name. On shutdown
 * they keep accepting work until the web server has drained its requests, then wait a
 * bounded time for running actions.
 */
@Configuration(proxyBeanMethods = false)
class PushExecutors {

	static final String ACTIONS = "pushActions";

	static final String TIMERS = "pushTimers";

	@Bean(ACTIONS)
	ThreadPoolTaskExecutor pushActions(MessageServiceProperties properties) {
		MessageServiceProperties.Actions actions = properties.actions();
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("push-action-");
		executor.setCorePoolSize(actions.threads());
		executor.setMaxPoolSize(actions.threads());
		executor.setAllowCoreThreadTimeOut(true);
		executor.setQueueCapacity(actions.queue());
		orderlyShutdown(executor, actions);
		return executor;
	}

	@Bean(TIMERS)
	ThreadPoolTaskScheduler pushTimers(MessageServiceProperties properties) {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("push-timer-");
		scheduler.setPoolSize(properties.actions().timerThreads());
		scheduler.setRemoveOnCancelPolicy(true);
		orderlyShutdown(scheduler, properties.actions());
		return scheduler;
	}

	private static void orderlyShutdown(org.springframework.scheduling.concurrent.ExecutorConfigurationSupport executor,
			MessageServiceProperties.Actions actions) {
		// Requests still in flight while the web server shuts down gracefully need both.
		executor.setAcceptTasksAfterContextClose(true);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationMillis(actions.shutdownWait().toMillis());
	}

}
