package io.wxhub.webauth.system;

import java.net.URI;
import java.util.List;

import io.wxhub.webauth.broker.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.util.HtmlUtils;

/**
 * A refusal as a page a person can read, or as {@code application/problem+json} when the
 * request prefers JSON; never a redirect.
 */
@RestControllerAdvice
class RefusalAdvice {

	static final String TYPE_BASE = "urn:wxhub:problem:";

	@ExceptionHandler
	ResponseEntity<?> refused(Refusal refusal, NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
		if (wantsJson(request.getHeader("Accept"))) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.getMessage());
			problem.setType(URI.create(TYPE_BASE + refusal.type()));
			problem.setTitle(refusal.title());
			if (refusal.errcode() != null) {
				problem.setProperty("errcode", refusal.errcode());
			}
			return ResponseEntity.status(refusal.status())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		return ResponseEntity.status(refusal.status())
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(page(refusal.status(), refusal.title(), refusal.getMessage(), refusal.type()));
	}

	private static boolean wantsJson(String accept) {
		if (accept == null) {
			return false;
		}
		List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
		types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
				return false;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
					|| type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
				return !type.isWildcardType();
			}
		}
		return false;
	}

	private static String page(HttpStatus status, String title, String detail, String type) {
		return """
				<!DOCTYPE html>
				<html lang="zh-CN"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title>
				<style>body{font-family:-apple-system,"PingFang SC",sans-serif;background:#ededed;margin:0;padding:48px 24px;color:#191919}
				main{max-width:420px;margin:auto;background:#fff;border-radius:8px;padding:32px 24px;text-align:center}
				h1{font-size:20px;font-weight:500}p{color:#555;line-height:1.6}small{color:#999}</style></head>
				<body><main id="refusal" data-type="%s"><h1>%s</h1><p>%s</p><small>%d %s</small></main></body></html>
				"""
			.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(type), HtmlUtils.htmlEscape(title),
					HtmlUtils.htmlEscape(detail), status.value(), HtmlUtils.htmlEscape(status.getReasonPhrase()));
	}

}
