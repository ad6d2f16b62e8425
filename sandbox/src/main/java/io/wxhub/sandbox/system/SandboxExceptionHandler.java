package io.wxhub.sandbox.system;

import java.net.URI;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.wxhub.protocol.error.WeChatError;
import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.sandbox.account.UnknownAppException;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of {@code /cgi-bin/**} and {@code /sns/**} are answered as WeChat does (HTTP 200
 * with errcode and errmsg); errors of {@code /sandbox/**} as
 * {@code application/problem+json}.
 */
@RestControllerAdvice
class SandboxExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(SandboxExceptionHandler.class);

	private static final URI UNKNOWN_APP = URI.create("https://wxhub.io/problems/sandbox/unknown-app");

	private static final URI INTERNAL = URI.create("https://wxhub.io/problems/sandbox/internal-error");

	@ExceptionHandler(WeChatException.class)
	ResponseEntity<WeChatError> wechat(WeChatException ex) {
		return ResponseEntity.ok(ex.getError());
	}

	@ExceptionHandler(UnknownAppException.class)
	ProblemDetail unknownApp(UnknownAppException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(UNKNOWN_APP);
		problem.setTitle("Unknown app");
		problem.setProperty("appId", ex.appId());
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, NativeWebRequest request) {
		log.error("Unexpected error", ex);
		if (isCgi(request)) {
			return ResponseEntity.ok(WeChatErrors.error(WeChatErrorCode.SYSTEM_ERROR));
		}
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		problem.setType(INTERNAL);
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (isCgi(request) && statusCode.value() != HttpStatus.NOT_FOUND.value()) {
			return ResponseEntity.ok(WeChatErrors.error(errcode(ex)));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static WeChatErrorCode errcode(Exception ex) {
		if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
			Set<HttpMethod> supported = unsupported.getSupportedHttpMethods();
			return (supported != null && supported.contains(HttpMethod.POST)) ? WeChatErrorCode.REQUIRE_POST_METHOD
					: WeChatErrorCode.REQUIRE_GET_METHOD;
		}
		if (ex instanceof HttpMessageNotReadableException || ex instanceof HttpMediaTypeNotSupportedException) {
			return WeChatErrorCode.DATA_FORMAT_ERROR;
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return WeChatErrorCode.MEDIA_SIZE_OUT_OF_LIMIT;
		}
		return WeChatErrorCode.INVALID_ARGS;
	}

	private static boolean isCgi(WebRequest request) {
		HttpServletRequest servletRequest = (request instanceof NativeWebRequest nativeRequest)
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
		return servletRequest != null && CgiPaths.isCgi(servletRequest);
	}

}
