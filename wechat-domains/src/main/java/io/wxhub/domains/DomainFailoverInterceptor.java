package io.wxhub.domains;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * Sends a {@code RestClient}'s calls to WeChat's current domain (the client's base URL is
 * the primary's) and records each call for that domain. A call whose connection could not
 * be opened goes to the next domain at once; a call that may have reached WeChat
 * (timeout, lost connection, 5xx) is not sent again here: the caller's own retry policy
 * decides, and by then the domain's circuit may have moved calls elsewhere.
 */
public final class DomainFailoverInterceptor implements ClientHttpRequestInterceptor {

	private final WeChatDomains domains;

	public DomainFailoverInterceptor(WeChatDomains domains) {
		this.domains = domains;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String relative = relative(request.getURI());
		WeChatDomain domain = this.domains.current();
		int tried = 0;
		while (true) {
			tried |= 1 << domain.index();
			URI target = URI.create(domain.baseUrl() + relative);
			long started = System.nanoTime();
			try {
				ClientHttpResponse response = execution.execute(new Retargeted(request, target), body);
				domain.record(CallOutcome.ofStatus(response.getStatusCode().value()), System.nanoTime() - started);
				return response;
			}
			catch (IOException ex) {
				CallOutcome outcome = CallOutcome.ofFailure(ex);
				domain.record(outcome, System.nanoTime() - started);
				WeChatDomain next = outcome.neverSent() ? this.domains.next(tried) : null;
				if (next == null) {
					throw ex;
				}
				domain = next;
			}
		}
	}

	/** Path and query of a request built on the primary's base URL. */
	private String relative(URI uri) {
		String url = uri.toString();
		String primary = this.domains.primary().baseUrl();
		return url.startsWith(primary) ? url.substring(primary.length())
				: uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private static final class Retargeted extends HttpRequestWrapper {

		private final URI target;

		Retargeted(HttpRequest request, URI target) {
			super(request);
			this.target = target;
		}

		@Override
		public URI getURI() {
			return this.target;
		}

	}

}
