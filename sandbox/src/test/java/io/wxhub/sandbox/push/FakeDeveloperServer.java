package io.wxhub.sandbox.push;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.signature.WeChatSignature;
import io.wxhub.protocol.xml.XmlCodec;

/**
 * A developer's callback server for the push tests, one path {@code /wx/{appId}} per
 * account: it checks the signature, decrypts what the sandbox pushes, records every
 * request and answers as the test scripted (else with a text reply, or the
 * {@code echostr} of a URL check).
 */
public final class FakeDeveloperServer {

	private static final XmlCodec XML = new XmlCodec();

	private final Map<String, CallbackAccount> accounts = new LinkedHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Queue<Function<Received, Answer>> script = new ConcurrentLinkedQueue<>();

	private final HttpServer server;

	private FakeDeveloperServer(List<CallbackAccount> accounts) throws IOException {
		accounts.forEach((account) -> this.accounts.put(account.appId(), account));
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "fake-developer");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	public static FakeDeveloperServer start(CallbackAccount... accounts) {
		try {
			return new FakeDeveloperServer(List.of(accounts));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url(String appId) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/wx/" + appId;
	}

	/**
	 * Answers the next requests this way, one behaviour per request, in order.
	 */
	@SafeVarargs
	public final void script(Function<Received, Answer>... answers) {
		this.script.addAll(List.of(answers));
	}

	public List<Received> received() {
		return new ArrayList<>(this.received);
	}

	public Received last() {
		return this.received.get(this.received.size() - 1);
	}

	public void clear() {
		this.script.clear();
		this.received.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Received request = read(exchange);
			this.received.add(request);
			Function<Received, Answer> scripted = this.script.poll();
			Answer answer = (scripted != null) ? scripted.apply(request) : Answers.standard(request);
			if (answer.delayMillis() > 0) {
				Thread.sleep(answer.delayMillis());
			}
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.status(), (body.length > 0) ? body.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (IOException ex) {
			// the sandbox stopped waiting
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Received read(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		String path = exchange.getRequestURI().getPath();
		CallbackAccount account = this.accounts.get(path.substring(path.lastIndexOf('/') + 1));
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		boolean signed = WeChatSignature.verify(query.get("signature"), account.token(), query.get("timestamp"),
				query.get("nonce"));
		String plaintext = null;
		InboundMessage message = null;
		String problem = null;
		if (exchange.getRequestMethod().equals("POST")) {
			try {
				plaintext = "aes".equals(query.get("encrypt_type"))
						? account.codec()
							.decryptBody(body, query.get("msg_signature"), query.get("timestamp"), query.get("nonce"))
						: body;
				message = XML.parseMessage(plaintext);
			}
			catch (RuntimeException ex) {
				problem = ex.toString();
			}
		}
		return new Received(account, exchange.getRequestMethod(), query,
				exchange.getRequestHeaders().getFirst("Content-Type"), body, plaintext, message, signed, problem);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : (raw != null) ? raw.split("&") : new String[0]) {
			int equals = pair.indexOf('=');
			query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return query;
	}

	/**
	 * What the server answers.
	 *
	 * @param status the HTTP status
	 * @param body the body, possibly empty
	 * @param delayMillis how long to wait first
	 */
	public record Answer(int status, String body, long delayMillis) {

	}

}
