package io.wxhub.sandbox.apicall;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.wxhub.sandbox.wechat.CgiPaths;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs every request to a WeChat API ({@code /cgi-bin/**}, {@code /sns/**}) once
 * answered: runs just outside the filter that finds the call's app and applies faults, so
 * that injected delays and errcodes show as the caller saw them. Only small JSON answers
 * are read for their {@code errcode}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiCallFilter extends OncePerRequestFilter {

	private static final String UNKNOWN_APP = "unknown";

	private final ApiCallLog calls;

	private final JsonMapper jsonMapper;

	private final Clock clock = Clock.systemUTC();

	ApiCallFilter(ApiCallLog calls, JsonMapper jsonMapper) {
		this.calls = calls;
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !CgiPaths.isCgi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long id = this.calls.nextId();
		Instant at = this.clock.instant();
		long start = System.nanoTime();
		AnswerCapture capture = new AnswerCapture(response);
		boolean failed = true;
		try {
			chain.doFilter(request, capture);
			failed = false;
		}
		finally {
			int status = failed ? HttpStatus.INTERNAL_SERVER_ERROR.value() : capture.getStatus();
			Object app = request.getAttribute(CgiPaths.APP_ATTRIBUTE);
			this.calls.record(new ApiCall(id, at, (app != null) ? app.toString() : UNKNOWN_APP, request.getMethod(),
					CgiPaths.of(request), QueryMasking.mask(request.getQueryString()), status,
					failed ? null : errcode(capture, status), (System.nanoTime() - start) / 1_000_000));
		}
	}

	// WeChat's success answers often carry no errcode at all
	private Integer errcode(AnswerCapture capture, int status) {
		String contentType = capture.getContentType();
		String body = (contentType != null && contentType.contains("json")) ? capture.smallBody() : null;
		Integer errcode = null;
		if (body != null && body.startsWith("{")) {
			try {
				JsonNode value = this.jsonMapper.readTree(body).get("errcode");
				errcode = (value != null && value.isIntegralNumber()) ? value.asInt() : null;
			}
			catch (JacksonException ex) {
				// not WeChat JSON after all
			}
		}
		return (errcode == null && status == HttpStatus.OK.value()) ? Integer.valueOf(0) : errcode;
	}

}
