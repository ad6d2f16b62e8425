package io.wxhub.sandbox.domain;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sees every request on an extra port first: counts it for the port and path, and holds
 * it without an answer while the port is in {@code hang} mode (the WeChat API behind
 * never sees it). Requests on {@code server.port} pass untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainFaultFilter extends OncePerRequestFilter {

	private static final long HOLD_MILLIS = TimeUnit.MINUTES.toMillis(10);

	private final DomainPorts ports;

	DomainFaultFilter(DomainPorts ports) {
		this.ports = ports;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.ports.any();
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DomainPort port = this.ports.of(request.getLocalPort()).orElse(null);
		if (port == null) {
			chain.doFilter(request, response);
			return;
		}
		port.record(request.getRequestURI());
		if (port.mode() == DomainMode.HANG) {
			AsyncContext held = request.startAsync();
			held.setTimeout(HOLD_MILLIS);
			port.hold(held);
			return;
		}
		chain.doFilter(request, response);
	}

}
