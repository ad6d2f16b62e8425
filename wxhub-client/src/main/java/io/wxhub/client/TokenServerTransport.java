package io.wxhub.client;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import io.wxhub.client.Answers.Problem;

/**
 * Requests to the token server, each sent to the URLs of {@link Replicas} in turn until
 * one answers. An answer is a 2xx with the expected body, any 4xx (the replicas share
 * their configuration), or a 503 problem written by the token server itself: no valid
 * credential now. That one is final too, because the replicas share their credentials
 * through Redis, and another replica would wait on the same refresh and say the same.
 * Connection failures, timeouts, other 5xx answers (a gateway's 502, a replica's 500) and
 * bodies that are not the token server's mean that replica is down: the request goes to
 * the next URL. Every request is idempotent (reads, a compare-and-refresh, a signature),
 * so sending it again is safe.
 */
final class TokenServerTransport {

	private static final System.Logger log = System.getLogger(TokenServerTransport.class.getName());

	private final HttpClient http;

	private final Replicas replicas;

	private final String authorization;

	private final Duration readTimeout;

	private final Refusals refusals;

	private final ClientMetrics metrics;

	TokenServerTransport(HttpClient http, Replicas replicas, String clientKey, Duration readTimeout, Refusals refusals,
			ClientMetrics metrics) {
		this.http = http;
		this.replicas = replicas;
		this.authorization = "Bearer " + clientKey;
		this.readTimeout = readTimeout;
		this.refusals = refusals;
		this.metrics = metrics;
	}

	/**
	 * Sends {@code call}; its answer read by {@code reader}, or a WxhubTokenException.
	 */
	<T> CompletableFuture<T> send(Call call, Function<String, T> reader) {
		long started = System.nanoTime();
		CompletableFuture<T> answer;
		try {
			answer = attempt(call, reader, this.replicas.forCall(), 0, null);
		}
		catch (RuntimeException ex) {
			answer = CompletableFuture.failedFuture(ex);
		}
		return answer.whenComplete((value, failure) -> this.metrics.request(call.kind(),
				ClientMetrics.outcome(unwrap(failure)), System.nanoTime() - started));
	}

	private <T> CompletableFuture<T> attempt(Call call, Function<String, T> reader, List<URI> order, int index,
			Failure last) {
		if (index >= order.size()) {
			return CompletableFuture.failedFuture(this.refusals.unanswered(call, order.size(), last));
		}
		URI url = order.get(index);
		return this.http.sendAsync(request(url, call), BodyHandlers.ofString())
			.handle((response, error) -> read(call, reader, url, response, unwrap(error)))
			.thenCompose((result) -> {
				if (result.failure() != null) {
					if (index + 1 < order.size()) {
						this.metrics.failover(call.kind());
					}
					return attempt(call, reader, order, index + 1, result.failure());
				}
				return (result.refusal() != null) ? CompletableFuture.failedFuture(result.refusal())
						: CompletableFuture.completedFuture(result.value());
			});
	}

	private <T> Result<T> read(Call call, Function<String, T> reader, URI url, HttpResponse<String> response,
			Throwable error) {
		if (error instanceof IOException) {
			return next(call, url, new Failure(0, null, error, error.toString()));
		}
		if (error != null) {
			return new Result<>(null, (error instanceof RuntimeException ex) ? ex : new CompletionException(error),
					null);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			try {
				T value = reader.apply(response.body());
				this.replicas.answered(url);
				return new Result<>(value, null, null);
			}
			catch (RuntimeException ex) {
				// not kept as the cause: a parser's message may quote the body
				return next(call, url,
						new Failure(status, null, null, "HTTP " + status + " without a token server answer"));
			}
		}
		Problem problem = Answers.problem(response.body());
		if ((status >= 400 && status < 500) || (status == 503 && problem != null && problem.fromTokenServer())) {
			this.replicas.answered(url);
			return new Result<>(null, this.refusals.refused(call, status, problem, response.headers()), null);
		}
		return next(call, url, new Failure(status, problem, null, "HTTP " + status));
	}

	private <T> Result<T> next(Call call, URI url, Failure failure) {
		Level level = this.replicas.failed(url) ? Level.WARNING : Level.DEBUG;
		log.log(level,
				"Token server {0} gave no answer to the {1} request ({2}); it is tried after the other URLs for {3} s",
				Replicas.shown(url), call.kind(), failure.reason(), Replicas.REST.toSeconds());
		return new Result<>(null, null, failure);
	}

	private HttpRequest request(URI url, Call call) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + call.path()))
			.timeout(this.readTimeout)
			.header("Authorization", this.authorization)
			.header("Accept", "application/json, application/problem+json");
		if (call.json() != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call.json()));
		}
		return request.build();
	}

	private static Throwable unwrap(Throwable error) {
		return (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
	}

	/**
	 * One request.
	 *
	 * @param kind what is asked for, as its metric tag
	 * @param appId the app
	 * @param path the path below the token server's URL
	 * @param json the body of a POST; null for a GET
	 */
	record Call(String kind, String appId, String path, String json) {

		@Override
		public String toString() {
			return "Call[" + this.kind + " " + this.appId + "]";
		}

	}

	/**
	 * Why a URL gave no answer.
	 *
	 * @param status its HTTP status, 0 without one
	 * @param problem its problem body, or null
	 * @param cause the transport failure, or null
	 * @param reason a short description for logs and the final exception
	 */
	record Failure(int status, Problem problem, Throwable cause, String reason) {
	}

	private record Result<T>(T value, RuntimeException refusal, Failure failure) {
	}

}
