package io.wxhub.sandbox.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.wxhub.sandbox.system.SandboxState;
import org.apache.catalina.connector.Connector;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The extra ports of {@code sandbox.domains.extra-ports}: one more Tomcat connector each,
 * serving the same emulated WeChat, so that several of WeChat's domains (a primary and
 * its backups) can be played by one sandbox, each switched to fail on its own.
 */
@Component
class DomainPorts implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
		ApplicationListener<WebServerInitializedEvent>, SmartLifecycle, SandboxState {

	private final List<DomainPort> ports;

	private final Map<Integer, DomainPort> byPort = new ConcurrentHashMap<>();

	private volatile boolean running;

	DomainPorts(DomainProperties properties) {
		this.ports = properties.extraPorts().stream().map(DomainPorts::connector).map(DomainPort::new).toList();
	}

	private static Connector connector(int port) {
		Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
		connector.setPort(port);
		connector.setProperty("bindOnInit", "false");
		return connector;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		this.ports.forEach((port) -> factory.addAdditionalConnectors(port.connector()));
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		for (DomainPort port : this.ports) {
			port.started();
			this.byPort.put(port.port(), port);
		}
	}

	/** The extra port a request arrived on, if it is one. */
	Optional<DomainPort> of(int localPort) {
		return Optional.ofNullable(this.byPort.get(localPort));
	}

	List<DomainPort> all() {
		return this.ports;
	}

	boolean any() {
		return !this.ports.isEmpty();
	}

	@Override
	public void reset() {
		this.ports.forEach(DomainPort::reset);
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Before the web server's graceful shutdown, which would wait for held requests. */
	@Override
	public void stop() {
		reset();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
