package io.wxhub.apiproxy.forward;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat is reached over HTTPS: the upstream client speaks TLS and verifies the server's
 * name. A local HTTPS server with a certificate for {@code localhost}, made by the JDK's
 * keytool, stands in for WeChat.
 */
class UpstreamTlsTests {

	private static final String PASSWORD = "test-keystore-pass";

	@TempDir
	static Path folder;

	private static HttpsServer server;

	private static SslContext trustingTheTestCertificate;

	private static EventLoopGroup loops;

	@BeforeAll
	static void start() throws Exception {
		Path keystore = folder.resolve("server.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
				"-storepass", PASSWORD, "-keypass", PASSWORD)
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			store.load(in, PASSWORD.toCharArray());
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, PASSWORD.toCharArray());
		SSLContext serverTls = SSLContext.getInstance("TLS");
		serverTls.init(keys.getKeyManagers(), null, null);
		server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
		server.createContext("/cgi-bin/get_api_domain_ip", (exchange) -> {
			byte[] body = ("{\"ip_list\":[\"" + exchange.getRequestURI().getQuery() + "\"]}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		trustingTheTestCertificate = SslContextBuilder.forClient()
			.trustManager((X509Certificate) store.getCertificate("server"))
			.build();
		loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
	}

	@AfterAll
	static void stop() {
		server.stop(0);
		loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
	}

	@Test
	void callsAnHttpsOriginWhoseNameMatchesItsCertificate() throws Exception {
		Upstream wechat = upstream("https://localhost:" + server.getAddress().getPort());
		Answer answer = call(wechat);
		assertThat(answer.failure).isNull();
		assertThat(answer.status).isEqualTo(200);
		assertThat(answer.body).isEqualTo("{\"ip_list\":[\"access_token=real\"]}");
	}

	@Test
	void refusesAnOriginWhoseNameTheCertificateDoesNotCover() throws Exception {
		// The certificate names localhost only: reached as 127.0.0.1, the name check
		// fails.
		Upstream impostor = upstream("https://127.0.0.1:" + server.getAddress().getPort());
		assertThat(call(impostor).failure).isEqualTo(Upstream.Failure.UNREACHABLE);
	}

	@Test
	void refusesACertificateNobodyTrusts() throws Exception {
		Upstream untrusted = new Upstream(URI.create("https://localhost:" + server.getAddress().getPort()),
				Duration.ofSeconds(2), Duration.ofSeconds(5));
		assertThat(call(untrusted).failure).isEqualTo(Upstream.Failure.UNREACHABLE);
	}

	private static Upstream upstream(String origin) {
		return new Upstream(URI.create(origin), Duration.ofSeconds(2), Duration.ofSeconds(5),
				trustingTheTestCertificate);
	}

	private static Answer call(Upstream upstream) throws Exception {
		FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
				"/cgi-bin/get_api_domain_ip?access_token=real", Unpooled.EMPTY_BUFFER);
		request.headers().set(HttpHeaderNames.HOST, upstream.hostHeader());
		CompletableFuture<Answer> done = new CompletableFuture<>();
		Answer answer = new Answer();
		upstream.send(loops.next(), request, new Upstream.Listener() {
			@Override
			public void head(HttpResponse head, Channel connection) {
				answer.status = head.status().code();
			}

			@Override
			public void content(HttpContent content, boolean last) {
				answer.body += content.content().toString(StandardCharsets.UTF_8);
				content.release();
				if (last) {
					done.complete(answer);
				}
			}

			@Override
			public void failed(Upstream.Failure failure) {
				answer.failure = failure;
				done.complete(answer);
			}
		});
		return done.get(10, TimeUnit.SECONDS);
	}

	private static final class Answer {

		int status;

		String body = "";

		Upstream.Failure failure;

	}

}
