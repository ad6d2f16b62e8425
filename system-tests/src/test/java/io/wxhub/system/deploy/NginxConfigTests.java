package io.wxhub.system.deploy;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The gateway's {@code deploy/nginx.conf}: only WeChat's callback path reaches the
 * message-service, everything else is 404, the limits suit WeChat, and nginx itself
 * accepts the file ({@code nginx -t}, which must run: set {@code WXHUB_SKIP_NGINX_CHECK}
 * to skip it knowingly where nginx is not installed).
 */
class NginxConfigTests {

	private final NginxConfig config = NginxConfig.parse(DeploymentFiles.read("deploy/nginx.conf"));

	private final ComposeServices compose = new ComposeServices();

	@Test
	void onlyTheCallbackPathIsProxiedToTheMessageService() {
		NginxConfig server = server();
		assertThat(server.children("listen")).singleElement()
			.satisfies((listen) -> assertThat(listen.arg(0)).isEqualTo("80"));
		assertThat(server.children("location")).extracting((location) -> String.join(" ", location.args()))
			.containsExactlyInAnyOrder("/wx/", "= /healthz", "/");
		assertThat(this.config.findAll("proxy_pass")).as("one proxy_pass, in location /wx/")
			.containsExactlyElementsOf(location("/wx/").children("proxy_pass"));
		String proxyPass = location("/wx/").children("proxy_pass").get(0).arg(0);
		// no URI part: nginx passes the request's path and query unchanged
		assertThat(proxyPass).matches("http://\\$[a-z_]+");
		String upstream = location("/wx/").children("set")
			.stream()
			.filter((set) -> set.arg(0).equals(proxyPass.substring("http://".length())))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no set for " + proxyPass))
			.arg(1);
		assertThat(upstream).isEqualTo("message-service:" + this.compose.port("message-service"));
		assertThat(this.compose.all()).containsKey("message-service");
	}

	@Test
	void everythingElseIsNotFound() {
		assertThat(location("/").block()).singleElement()
			.satisfies((directive) -> assertThat(directive.name() + " " + directive.args()).isEqualTo("return [404]"));
		assertThat(location("= /healthz").children("return")).singleElement()
			.satisfies((directive) -> assertThat(directive.arg(0)).isEqualTo("200"));
		assertThat(this.config.findAll((directive) -> String.join(" ", directive.args()).contains("actuator")))
			.isEmpty();
		assertThat(this.config.findAll("server")).hasSize(1);
		assertThat(this.config.findAll("include")).as("self-contained: nothing of the image's conf.d").isEmpty();
	}

	@Test
	void limitsSuitWeChat() {
		NginxConfig callback = location("/wx/");
		assertThat(value("client_max_body_size", callback)).isEqualTo("64k");
		// WeChat gives up after 5 s
		assertThat(value("proxy_read_timeout", callback)).isEqualTo("6s");
		assertThat(callback.children("proxy_set_header")).extracting(NginxConfig::args)
			.contains(List.of("X-Forwarded-For", "$proxy_add_x_forwarded_for"), List.of("Host", "$host"));
		// a variable in proxy_pass needs a resolver: Docker's
		assertThat(this.config.findAll("resolver")).singleElement()
			.satisfies((resolver) -> assertThat(resolver.arg(0)).isEqualTo("127.0.0.11"));
	}

	@Test
	void nginxAcceptsTheConfiguration(@TempDir Path directory) throws Exception {
		Optional<Path> nginx = nginx();
		if (nginx.isEmpty()) {
			if (System.getenv("WXHUB_SKIP_NGINX_CHECK") != null) {
				Assumptions.abort("nginx is not installed; nginx -t skipped because WXHUB_SKIP_NGINX_CHECK is set");
			}
			fail("nginx -t must check deploy/nginx.conf but no nginx binary is on PATH: install nginx "
					+ "(apt-get install -y nginx) or set WXHUB_SKIP_NGINX_CHECK=1 to skip this check knowingly");
		}
		Path copy = directory.resolve("nginx.conf");
		Files.writeString(copy, runnableCopy(directory, nginx.get()));
		Process process = new ProcessBuilder(nginx.get().toString(), "-t", "-c", copy.toString(), "-p",
				directory + File.separator)
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("nginx -t finished").isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as("nginx -t:%n%s", output).isZero();
		assertThat(output).contains("syntax is ok");
	}

	/**
	 * The file as is, but with what nginx -t opens, creates or binds moved where any user
	 * may: the pid file, the access log and the temporary directories in the test's
	 * directory, port 80 to a free unprivileged port.
	 */
	private static String runnableCopy(Path directory, Path nginx) throws IOException, InterruptedException {
		Process version = new ProcessBuilder(nginx.toString(), "-V").redirectErrorStream(true).start();
		String build = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		version.waitFor(30, TimeUnit.SECONDS);
		StringBuilder paths = new StringBuilder();
		for (String kind : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
			if (!build.contains("--without-http_" + kind + "_module")) {
				paths.append("    ").append(kind).append("_temp_path ").append(directory.resolve(kind)).append(";\n");
			}
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String conf = DeploymentFiles.read("deploy/nginx.conf");
		assertThat(conf).containsPattern("(?m)^pid .*;$")
			.containsPattern("(?m)^http \\{$")
			.containsPattern("(?m)^\\s*listen 80\\b");
		return conf.replaceFirst("(?m)^pid .*;$", "pid " + directory.resolve("nginx.pid") + ";")
			.replaceFirst("(?m)^http \\{$", "http {\n" + paths)
			.replaceAll("(?m)^(\\s*)listen 80\\b", "$1listen 127.0.0.1:" + port)
			.replace("/dev/stdout", directory.resolve("access.log").toString());
	}

	private static Optional<Path> nginx() {
		return DeploymentFiles.executable("nginx", "/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin");
	}

	private NginxConfig server() {
		assertThat(this.config.findAll("server")).hasSize(1);
		return this.config.findAll("server").get(0);
	}

	private NginxConfig location(String match) {
		return server().children("location")
			.stream()
			.filter((location) -> String.join(" ", location.args()).equals(match))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no location " + match));
	}

	/**
	 * A directive's value where it applies to a location: there, in its server or in
	 * http.
	 */
	private String value(String name, NginxConfig location) {
		for (NginxConfig scope : List.of(location, server(), this.config.children("http").get(0))) {
			if (!scope.children(name).isEmpty()) {
				return scope.children(name).get(0).arg(0);
			}
		}
		throw new AssertionError(name + " is not set for location " + location.args());
	}

}
