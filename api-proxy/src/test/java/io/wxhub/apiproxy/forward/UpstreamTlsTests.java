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
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.netty.handler.codec.http.DefaultHttpHeaders;

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
	}

	@AfterAll
	static void stop() {
		server.stop(0);
	}

	@Test
	void callsAnHttpsOriginWhoseNameMatchesItsCertificate() {
		WeChatClient wechat = client("https://localhost:" + server.getAddress().getPort(), trustingTheTestCertificate);
		Observed answer = call(wechat);
		assertThat(answer.failure).isNull();
		assertThat(answer.status).isEqualTo(200);
		assertThat(answer.body).isEqualTo("{\"ip_list\":[\"access_token=real\"]}");
	}

	@Test
	void refusesAnOriginWhoseNameTheCertificateDoesNotCover() {
		// The certificate names localhost only: reached as 127.0.0.1, the name check
		// fails.
		WeChatClient impostor = client("https://127.0.0.1:" + server.getAddress().getPort(),
				trustingTheTestCertificate);
		assertThat(call(impostor).failure).isEqualTo(UpstreamFailure.Kind.UNREACHABLE);
	}

	@Test
	void refusesACertificateNobodyTrusts() {
		WeChatClient untrusted = client("https://localhost:" + server.getAddress().getPort(), null);
		assertThat(call(untrusted).failure).isEqualTo(UpstreamFailure.Kind.UNREACHABLE);
	}

	private static WeChatClient client(String origin, SslContext tls) {
		return new WeChatClient(URI.create(origin), Duration.ofSeconds(2), Duration.ofSeconds(5), tls, null);
	}

	private static Observed call(WeChatClient wechat) {
		Observed answer = new Observed();
		try {
			Answer.Whole whole = (Answer.Whole) wechat
				.send("GET", "/cgi-bin/get_api_domain_ip?access_token=real", new DefaultHttpHeaders(), new byte[0])
				.block(Duration.ofSeconds(10));
			answer.status = whole.status();
			answer.body = new String(whole.body(), StandardCharsets.UTF_8);
		}
		catch (UpstreamFailure failure) {
			answer.failure = failure.kind();
		}
		finally {
			wechat.close();
		}
		return answer;
	}

	private static final class Observed {

		int status;

		String body = "";

		UpstreamFailure.Kind failure;

	}

}
