package io.wxhub.sandbox.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * The HTTP side of pushes and URL checks: HTTP/1.1, no redirects, and a deadline for the
 * whole exchange, body included, as WeChat has.
 */
@Component
class CallbackClient {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * POSTs an XML body with {@code Content-Type: text/xml}.
	 * @param uri the callback URL
	 * @param body the body
	 * @param timeout the deadline
	 * @return the answer, or why there was none
	 */
	Answer post(URI uri, String body, Duration timeout) {
		return exchange(HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header("Content-Type", "text/xml")
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), timeout);
	}

	/**
	 * @param uri the URL
	 * @param timeout the deadline
	 * @return the answer, or why there was none
	 */
	Answer get(URI uri, Duration timeout) {
		return exchange(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), timeout);
	}

	private Answer exchange(HttpRequest request, Duration timeout) {
		CompletableFuture<HttpResponse<byte[]>> future = this.client.sendAsync(request, BodyHandlers.ofByteArray());
		try {
			HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return new Answer(response.statusCode(), response.body(), null);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			return new Answer(null, null, "no answer within " + timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			boolean timedOut = cause instanceof HttpTimeoutException;
			return new Answer(null, null,
					timedOut ? "no answer within " + timeout.toMillis() + " ms"
							: "cannot reach " + request.uri().getHost() + ":" + request.uri().getPort() + " ("
									+ cause.getClass().getSimpleName() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			return new Answer(null, null, "interrupted");
		}
	}

	/**
	 * What came back from one request.
	 *
	 * @param status the HTTP status, {@code null} without an answer
	 * @param body the body bytes, {@code null} without an answer
	 * @param error why there was no answer, {@code null} with one
	 */
	record Answer(Integer status, byte[] body, String error) {

		boolean isSuccess() {
			return this.status != null && this.status >= 200 && this.status < 300;
		}

		String text() {
			return (this.body != null) ? new String(this.body, StandardCharsets.UTF_8) : null;
		}

	}

}
