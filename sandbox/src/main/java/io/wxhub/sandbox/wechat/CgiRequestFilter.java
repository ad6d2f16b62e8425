package io.wxhub.sandbox.wechat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.wxhub.protocol.error.WeChatError;
import io.wxhub.sandbox.fault.Fault;
import io.wxhub.sandbox.fault.FaultRegistry;
import io.wxhub.sandbox.inspect.CallCounter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sees every request to a WeChat API ({@code /cgi-bin/**}, {@code /sns/**}) first: counts
 * it for its app and path, then applies a pending fault (delay, errcode, HTTP status)
 * before the API itself runs. The app is the {@code appid} parameter, or the owner of the
 * access token (the account's or a user's).
 */
@Component
class CgiRequestFilter extends OncePerRequestFilter {

	private static final String UNKNOWN_APP = "unknown";

	private final CallCounter calls;

	private final FaultRegistry faults;

	private final List<TokenOwners> tokenOwners;

	private final JsonMapper jsonMapper;

	CgiRequestFilter(CallCounter calls, FaultRegistry faults, List<TokenOwners> tokenOwners, JsonMapper jsonMapper) {
		this.calls = calls;
		this.faults = faults;
		this.tokenOwners = tokenOwners;
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !CgiPaths.isCgi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CachedBodyRequest cached = isMultipart(request) ? null : new CachedBodyRequest(request);
		HttpServletRequest wrapped = (cached != null) ? cached : request;
		String path = CgiPaths.of(wrapped);
		String appId = appId(wrapped, cached);
		wrapped.setAttribute(CgiPaths.APP_ATTRIBUTE, appId);
		this.calls.record(appId, path);
		Fault fault = this.faults.take(appId, path).orElse(null);
		if (fault != null && apply(fault, response)) {
			return;
		}
		chain.doFilter(wrapped, response);
	}

	private String appId(HttpServletRequest request, CachedBodyRequest cached) {
		// parameters of a multipart request come from the query string only: reading the
		// others would parse the body here, where a too-big upload cannot be answered
		UnaryOperator<String> parameter = (cached != null) ? request::getParameter
				: (name) -> queryParameter(request, name);
		String appId = parameter.apply("appid");
		if (isBlank(appId) && cached != null) {
			appId = bodyAppId(cached.body());
		}
		if (isBlank(appId)) {
			String token = parameter.apply("access_token");
			appId = this.tokenOwners.stream()
				.map((owners) -> owners.ownerOf(token).orElse(null))
				.filter(Objects::nonNull)
				.findFirst()
				.orElse(UNKNOWN_APP);
		}
		return appId;
	}

	private static String queryParameter(HttpServletRequest request, String name) {
		String query = request.getQueryString();
		String value = (query != null)
				? UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst(name) : null;
		try {
			return (value != null) ? URLDecoder.decode(value, StandardCharsets.UTF_8) : null;
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	private String bodyAppId(byte[] body) {
		if (body.length == 0 || body[0] != '{') {
			return null;
		}
		try {
			JsonNode appId = this.jsonMapper.readTree(body).get("appid");
			return (appId != null && appId.isString()) ? appId.stringValue() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private boolean apply(Fault fault, HttpServletResponse response) throws IOException {
		if (fault.delay() > 0) {
			try {
				Thread.sleep(fault.delay());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (fault.passesThrough()) {
			return false;
		}
		response.setStatus((fault.httpStatus() != null) ? fault.httpStatus() : HttpStatus.OK.value());
		if (fault.errcode() != null) {
			WeChatError error = (fault.errmsg() != null) ? new WeChatError(fault.errcode(), fault.errmsg())
					: WeChatErrors.error(fault.errcode());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			this.jsonMapper.writeValue(response.getOutputStream(), error);
		}
		else {
			HttpStatus status = HttpStatus.resolve(fault.httpStatus());
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			response.getWriter().write(fault.httpStatus() + " " + ((status != null) ? status.getReasonPhrase() : ""));
		}
		return true;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.toLowerCase().startsWith("multipart/");
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
