package io.wxhub.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs wxhub locally with one command: an embedded Redis unless {@code REDIS_URL} is set,
 * the sandbox as WeChat, and the services wired to it with the demo accounts and keys.
 * Creates the demo account's menu through the api-proxy, prints the console's URL first,
 * then the services' and a first curl line; Ctrl-C stops every process it started. With
 * {@code --sample}, also the sample internal app ({@code samples/internal-app}: WxJava
 * with its tokens from the token server).
 */
public final class Launcher {

	static final String DEMO_APP = "wx5e1f0ad3c0ffee01";

	static final String DEMO_TOKEN_CLIENT_KEY = "demo-token-client-key";

	static final String DEMO_PROXY_CLIENT_KEY = "demo-proxy-client-key";

	/**
	 * The sandbox's first demo follower of the demo app (see the sandbox's
	 * DemoFollowers).
	 */
	static final String DEMO_FOLLOWER = "o6QT0ruIp7HqPn01laGVDpNMMn4p";

	private static final int SANDBOX_PORT = 8090;

	private static final int TOKEN_SERVER_PORT = 8081;

	private static final int API_PROXY_PORT = 8082;

	private static final int MESSAGE_SERVICE_PORT = 8083;

	private static final int SAMPLE_PORT = 8084;

	private static final int WEB_AUTH_PORT = 8085;

	static final String SAMPLE_FLAG = "--sample";

	private final List<ServiceProcess> started = new ArrayList<>();

	private LocalRedis redis;

	public static void main(String[] args) throws Exception {
		Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
		List<String> flags = (args.length > 1) ? List.of(args).subList(1, args.length) : List.of();
		for (String flag : flags) {
			if (!SAMPLE_FLAG.equals(flag)) {
				System.err.println("Unknown option " + flag + "; the only one is " + SAMPLE_FLAG
						+ " (also start the sample internal app)");
				System.exit(2);
			}
		}
		Launcher launcher = new Launcher();
		Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "wxhub-shutdown"));
		if (!launcher.startAll(root, flags.contains(SAMPLE_FLAG))) {
			System.err.println("wxhub did not come up; see the logs/ folder.");
			System.exit(1);
		}
		Thread.currentThread().join();
	}

	boolean startAll(Path root, boolean withSample) throws InterruptedException {
		List<Integer> ports = new ArrayList<>(
				List.of(SANDBOX_PORT, TOKEN_SERVER_PORT, API_PROXY_PORT, MESSAGE_SERVICE_PORT, WEB_AUTH_PORT));
		if (withSample) {
			ports.add(SAMPLE_PORT);
		}
		for (int port : ports) {
			if (inUse(port)) {
				// Otherwise a running wxhub would answer our readiness probes while our
				// own processes die on the taken port.
				System.err.println("Port " + port + " is in use (is wxhub already running?); nothing was started.");
				return false;
			}
		}
		System.out.println("The console (a WeChat in the browser) will be at " + console() + "\n");
		this.redis = LocalRedis.startUnlessConfigured(System.getenv("REDIS_URL"));
		Map<String, String> common = new LinkedHashMap<>();
		common.put("REDIS_URL", this.redis.url());
		common.put("WECHAT_API_BASE_URL", local(SANDBOX_PORT));
		// the demo accounts and keys: public values, never defaults of the shipped files
		common.put("SPRING_PROFILES_ACTIVE", "demo");
		Map<String, String> proxy = new LinkedHashMap<>(common);
		proxy.put("TOKEN_SERVER_URL", local(TOKEN_SERVER_PORT));
		Map<String, String> messages = new LinkedHashMap<>(common);
		messages.put("API_PROXY_URL", local(API_PROXY_PORT));
		// the broker: the sandbox stands for open.weixin.qq.com too; its demo page is a
		// web app
		Map<String, String> webAuth = new LinkedHashMap<>(proxy);
		webAuth.put("API_PROXY_URL", local(API_PROXY_PORT));
		webAuth.put("WECHAT_OPEN_BASE_URL", local(SANDBOX_PORT));
		webAuth.put("WEB_AUTH_PUBLIC_URL", local(WEB_AUTH_PORT));
		if (!start(root, "sandbox", SANDBOX_PORT, Map.of()) || !start(root, "token-server", TOKEN_SERVER_PORT, common)
				|| !start(root, "api-proxy", API_PROXY_PORT, proxy)
				|| !start(root, "message-service", MESSAGE_SERVICE_PORT, messages)
				|| !start(root, "web-auth", WEB_AUTH_PORT, webAuth)) {
			return false;
		}
		// its demo profile: the token server's demo client key and the demo account, with
		// WxJava calling WeChat (the sandbox) directly
		if (withSample && !start(root, "samples/internal-app", SAMPLE_PORT, Map.of("SPRING_PROFILES_ACTIVE", "demo",
				"WX_MP_HOSTS_API_HOST", local(SANDBOX_PORT), "WXHUB_TOKEN_SERVER_URLS", local(TOKEN_SERVER_PORT)))) {
			return false;
		}
		String menuProblem = new DemoMenu(local(API_PROXY_PORT)).create(DEMO_APP, DEMO_PROXY_CLIENT_KEY,
				local(WEB_AUTH_PORT));
		if (menuProblem != null) {
			System.err.println("The demo menu was not created (" + menuProblem + "); see logs/api-proxy.log.");
		}
		printWelcome(withSample);
		return true;
	}

	private boolean start(Path root, String name, int port, Map<String, String> env) throws InterruptedException {
		System.out.println("Starting " + name + " on :" + port + " …");
		ServiceProcess service = ServiceProcess.start(root, name, port, env);
		this.started.add(service);
		if (!service.awaitReady(Duration.ofSeconds(120))) {
			System.err.println(name + " is not ready; its log: logs/" + name + ".log");
			return false;
		}
		return true;
	}

	private static String local(int port) {
		return "http://127.0.0.1:" + port;
	}

	private static String console() {
		return local(SANDBOX_PORT) + "/";
	}

	private static boolean inUse(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private void printWelcome(boolean withSample) {
		System.out.println();
		System.out.println("wxhub is up. Open the console — chat with the demo account as a follower, click its menu,");
		System.out.println("watch every push and API call:");
		System.out.println("  " + console());
		System.out.println();
		System.out.println("Services (Redis: " + this.redis.description() + "):");
		for (ServiceProcess service : this.started) {
			System.out.printf("  %-14s %s%n", service.name(), service.url());
		}
		System.out.println();
		System.out.println("Demo app: " + DEMO_APP);
		System.out.println("  token-server client key: " + DEMO_TOKEN_CLIENT_KEY);
		System.out.println("  api-proxy client key (the \"secret\" for any WeChat SDK): " + DEMO_PROXY_CLIENT_KEY);
		System.out.println("Try:");
		System.out.println("  curl -H 'Authorization: Bearer " + DEMO_TOKEN_CLIENT_KEY + "' " + local(TOKEN_SERVER_PORT)
				+ "/v1/apps/" + DEMO_APP + "/access-token");
		System.out.println("  curl '" + local(API_PROXY_PORT) + "/cgi-bin/token?grant_type=client_credential&appid="
				+ DEMO_APP + "&secret=" + DEMO_PROXY_CLIENT_KEY + "'");
		System.out.println(
				"  curl -s -X POST -H 'Content-Type: application/json' -d '{\"msgType\":\"text\",\"content\":\"微博\"}' "
						+ local(SANDBOX_PORT) + "/sandbox/apps/" + DEMO_APP + "/followers/" + DEMO_FOLLOWER + "/send");
		System.out.println("Web authorization (网页授权) in a browser, with a demo internal page:");
		System.out.println("  " + local(WEB_AUTH_PORT) + "/demo/");
		if (withSample) {
			System.out.println("The sample internal app (WxJava, tokens from the token server):");
			System.out.println("  curl -s -X POST " + local(SAMPLE_PORT) + "/menu");
			System.out.println("  curl -s '" + local(SAMPLE_PORT) + "/jsapi-signature?url=https://example.com/page'");
		}
		System.out.println();
		System.out.println("Logs in logs/. Ctrl-C stops everything.");
	}

	/** Stops services in reverse order, then the embedded Redis. */
	void stopAll() {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).stop();
		}
		this.started.clear();
		if (this.redis != null) {
			this.redis.stop();
		}
	}

}
