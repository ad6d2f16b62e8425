package io.wxhub.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
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

	/**
	 * Posts {@code multipart/form-data}.
	 * @param parts the parts, e.g. from {@link #file(String, String, byte[])}
	 */
	public Reply upload(String uri, MultiValueMap<String, Object> parts, Object... variables) {
		return this.client.post()
			.uri(uri, variables)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.exchange((request, response) -> new Reply(response.getStatusCode().value(),
					response.getHeaders().getContentType(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	/**
	 * @return one multipart form with the file as its {@code media} part
	 */
	public static MultiValueMap<String, Object> media(String filename, String contentType, byte[] content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("media", file(filename, contentType, content));
		return parts;
	}

	/**
	 * @return a file part with a file name and a Content-Type
	 */
	public static HttpEntity<ByteArrayResource> file(String filename, String contentType, byte[] content) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(contentType));
		return new HttpEntity<>(new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return filename;
			}

		}, headers);
	}

	/**
	 * GETs a binary answer.
	 */
	public Download download(String uri, Object... variables) {
		return this.client.get()
			.uri(uri, variables)
			.exchange((request, response) -> new Download(response.getStatusCode().value(), response.getHeaders(),
					response.getBody().readAllBytes()));
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

	/**
	 * A binary response.
	 *
	 * @param status the HTTP status
	 * @param headers the headers
	 * @param body the body bytes
	 */
	public record Download(int status, HttpHeaders headers, byte[] body) {

		public Reply reply() {
			return new Reply(status, headers.getContentType(), new String(body, StandardCharsets.UTF_8));
		}

	}

}
