package io.wxhub.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A small HTTP client for the tests: real requests, every status returned as is.
 */
public final class SandboxHttp {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final RestClient client;

	public SandboxHttp(int port) {
		this.client = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
	}

	public Reply get(String uri, Object... variables) {
		return exchange(HttpMethod.GET, uri, null, variables);
	}

	/**
	 * @param body a record or map sent as JSON, a string sent verbatim, or {@code null}
	 */
	public Reply post(String uri, Object body, Object... variables) {
		return exchange(HttpMethod.POST, uri, body, variables);
	}

	public Reply put(String uri, Object body, Object... variables) {
		return exchange(HttpMethod.PUT, uri, body, variables);
	}

	public Reply delete(String uri, Object... variables) {
		return exchange(HttpMethod.DELETE, uri, null, variables);
	}

	private Reply exchange(HttpMethod method, String uri, Object body, Object... variables) {
		RestClient.RequestBodySpec spec = this.client.method(method).uri(uri, variables);
		if (body != null) {
			String json = (body instanceof String text) ? text : JSON.writeValueAsString(body);
			spec.contentType(MediaType.APPLICATION_JSON).body(json);
		}
		return spec.exchange((request, response) -> {
			try {
				String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
				MediaType type = response.getHeaders().getContentType();
				return new Reply(response.getStatusCode().value(), type, text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * A response.
	 *
	 * @param status the HTTP status
	 * @param contentType the Content-Type, or {@code null}
	 * @param body the body text
	 */
	public record Reply(int status, MediaType contentType, String body) {

		public JsonNode json() {
			try {
				return body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
			}
			catch (RuntimeException ex) {
				return MissingNode.getInstance();
			}
		}

		public int errcode() {
			return json().path("errcode").asInt(0);
		}

		public String errmsg() {
			return json().path("errmsg").asString();
		}

		public String text(String field) {
			return json().path(field).asString(null);
		}

	}

}
