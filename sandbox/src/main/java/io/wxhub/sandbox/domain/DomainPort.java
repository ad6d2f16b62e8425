package io.wxhub.sandbox.domain;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.AsyncContext;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;

/**
 * One extra port: its Tomcat connector, its mode, the requests it received per path, and
 * the requests it holds without answering.
 */
final class DomainPort {

	private final Connector connector;

	private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

	private final Set<AsyncContext> held = ConcurrentHashMap.newKeySet();

	private volatile int port;

	private volatile DomainMode mode = DomainMode.OK;

	DomainPort(Connector connector) {
		this.connector = connector;
		this.port = connector.getPort();
	}

	/**
	 * Once started: a port of 0 becomes the one bound, so that it is bound again later.
	 */
	void started() {
		this.port = this.connector.getLocalPort();
		this.connector.setPort(this.port);
	}

	Connector connector() {
		return this.connector;
	}

	int port() {
		return this.port;
	}

	DomainMode mode() {
		return this.mode;
	}

	void record(String path) {
		this.calls.computeIfAbsent(path, (key) -> new LongAdder()).increment();
	}

	/** Requests received per path, sorted by path. */
	Map<String, Long> calls() {
		Map<String, Long> counts = new TreeMap<>();
		this.calls.forEach((path, count) -> counts.put(path, count.sum()));
		return counts;
	}

	/** Keeps a request without ever answering it (until the mode changes). */
	void hold(AsyncContext request) {
		this.held.add(request);
	}

	synchronized void switchTo(DomainMode mode) {
		if (mode == this.mode) {
			return;
		}
		try {
			if (mode == DomainMode.REFUSE) {
				// the connector binds on start and unbinds on stop (bindOnInit=false): a
				// stopped one refuses connections, and stopping drops the open ones
				this.connector.stop();
			}
			else if (this.mode == DomainMode.REFUSE) {
				this.connector.start();
			}
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException("Port " + this.port + " cannot switch to " + mode.value(), ex);
		}
		this.mode = mode;
		if (mode != DomainMode.HANG) {
			release();
		}
	}

	void reset() {
		switchTo(DomainMode.OK);
		this.calls.clear();
	}

	/**
	 * Ends the held requests: their callers have given up long ago, or the test ended.
	 */
	private void release() {
		for (AsyncContext request : this.held) {
			try {
				request.complete();
			}
			catch (RuntimeException ex) {
				// the caller is gone: nothing to end
			}
		}
		this.held.clear();
	}

}
