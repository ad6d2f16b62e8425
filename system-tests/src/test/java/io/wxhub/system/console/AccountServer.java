package io.wxhub.system.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The account's server for the console's browser tests (a plain-mode account): it records
 * every push and answers {@code success}, or a passive reply a test gives it, with
 * {@code {openid}} and {@code {mediaId}} taken from the push.
 */
final class AccountServer {

	private final HttpServer server;

	private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	private final AtomicReference<String> reply = new AtomicReference<>();

	private AccountServer(HttpServer server) {
		this.server = server;
	}

	static AccountServer start() throws IOException {
		AccountServer account = new AccountServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
		account.server.createContext("/", account::answer);
		account.server.start();
		return account;
	}

	String callbackUrl(String appId) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/wx/" + appId;
	}

	void stop() {
		this.server.stop(0);
	}

	/** Forgets what was pushed and answers {@code success} again. */
	void clear() {
		this.received.clear();
		this.reply.set(null);
	}

	void replyWith(String template) {
		this.reply.set(template);
	}

	/** The next push, waiting for it. */
	String next() throws InterruptedException {
		String pushed = this.received.poll(20, TimeUnit.SECONDS);
		assertThat(pushed).as("a push within 20 s").isNotNull();
		return pushed;
	}

	/** Asserts that nothing is pushed over a short window. */
	void receivesNothing() {
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(this.received::isEmpty);
	}

	/** A field of pushed XML, in CDATA or not. */
	static String field(String xml, String name) {
		Matcher matcher = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[(.*?)]]>|([^<]*))</" + name + ">")
			.matcher(xml);
		assertThat(matcher.find()).as(name + " in " + xml).isTrue();
		return (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String pushed = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		if ("POST".equals(exchange.getRequestMethod())) {
			this.received.add(pushed);
		}
		String template = this.reply.get();
		String answer = "success";
		if (template != null) {
			answer = template.replace("{openid}", field(pushed, "FromUserName"));
			if (answer.contains("{mediaId}")) {
				answer = answer.replace("{mediaId}", field(pushed, "MediaId"));
			}
		}
		byte[] body = answer.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
