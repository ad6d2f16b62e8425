package io.wxhub.sandbox.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does on the web authorization pages, minus JavaScript (they have none):
 * GETs without following redirects, parses HTML as HTML5 does (reporting syntax errors),
 * and submits forms with the button pressed.
 */
final class WebAuthBrowser {

	private final HttpClient client = HttpClient.newBuilder().followRedirects(Redirect.NEVER).build();

	private final String base;

	WebAuthBrowser(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * @return the authorization URL of WeChat's documentation, on the sandbox
	 */
	String authorizeUrl(String appId, String redirectUri, String scope, String state) {
		return this.base + "/connect/oauth2/authorize?appid=" + appId + "&redirect_uri=" + encode(redirectUri)
				+ "&response_type=code&scope=" + scope + "&state=" + encode(state) + "#wechat_redirect";
	}

	Page open(String url) {
		// a fragment never leaves the browser
		String sent = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
		URI uri = URI.create(sent.startsWith("/") ? this.base + sent : sent);
		return send(HttpRequest.newBuilder(uri).GET().build());
	}

	/**
	 * Submits the page's only form with the button of the given id, as a browser would.
	 */
	Page press(Page page, String buttonId, Map<String, String> changes) {
		FormElement form = (FormElement) page.document().selectFirst("form");
		assertThat(form).as(page.body()).isNotNull();
		Element button = page.document().getElementById(buttonId);
		assertThat(button).isNotNull();
		Map<String, String> fields = form.formData()
			.stream()
			.collect(Collectors.toMap((field) -> field.key(), (field) -> field.value(), (a, b) -> b,
					java.util.LinkedHashMap::new));
		fields.putAll(changes);
		fields.put(button.attr("name"), button.attr("value"));
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		URI action = page.uri().resolve(form.attr("action"));
		return send(HttpRequest.newBuilder(action)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private Page send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(request.uri(), response.statusCode(),
					response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * An answer.
	 *
	 * @param uri the URL requested
	 * @param status the HTTP status
	 * @param location the {@code Location} header, or {@code null}
	 * @param contentType the {@code Content-Type}, or {@code null}
	 * @param body the body
	 */
	record Page(URI uri, int status, String location, String contentType, String body) {

		Document document() {
			return Jsoup.parse(this.body, this.uri.toString());
		}

		/**
		 * @return the HTML5 parse errors of the body (none for a valid page)
		 */
		List<String> parseErrors() {
			Parser parser = Parser.htmlParser().setTrackErrors(50);
			Jsoup.parse(this.body, this.uri.toString(), parser);
			ParseErrorList errors = parser.getErrors();
			return errors.stream().map(Object::toString).toList();
		}

		/**
		 * @return the query parameters of the redirect target
		 */
		Map<String, String> redirectParameters() {
			assertThat(this.status).as(this.body).isEqualTo(302);
			return UriComponentsBuilder.fromUriString(this.location)
				.build()
				.getQueryParams()
				.toSingleValueMap()
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey,
						(entry) -> java.net.URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
		}

	}

}
