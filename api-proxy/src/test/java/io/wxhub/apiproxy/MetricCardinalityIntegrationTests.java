package io.wxhub.apiproxy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.wxhub.apiproxy.ProxyCluster.CLIENT_KEY;
import static io.wxhub.apiproxy.ProxyCluster.LIMITED_KEY;
import static io.wxhub.apiproxy.ProxyCluster.get;
import static io.wxhub.apiproxy.ProxyCluster.proxyToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile callers never cost memory: requests on random paths, without a proxy token,
 * with a forged one, with a client's token on paths it may not call, and on malformed
 * paths, leave the proxy's {@code wxhub_*} series as they were after the first few.
 */
class MetricCardinalityIntegrationTests {

	private static final int REQUESTS = 10_000;

	private static ProxyCluster cluster;

	private static String proxy;

	@BeforeAll
	static void start() {
		cluster = ProxyCluster.start(List.of(), List.of());
		proxy = cluster.startProxy();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void randomPathsLeaveTheSeriesAsTheyWere() throws Exception {
		String limited = proxyToken(proxy, LIMITED_KEY);
		String marker = "rnd" + UUID.randomUUID().toString().replace("-", "");
		List<IntFunction<String>> hostile = List.of((i) -> "/cgi-bin/" + marker + i,
				(i) -> "/datacube/" + marker + i + "?access_token=forged" + i,
				(i) -> "/cgi-bin/" + marker + "/" + i + "?access_token=" + limited,
				(i) -> "/customservice/" + marker + i + "?access_token=" + limited,
				(i) -> "/cgi-bin/%2e%2e/" + marker + i + "?access_token=" + limited,
				(i) -> "/cgi-bin/" + marker + i + ";x=" + i);
		send(hostile, 0, 60);
		String before = metrics();

		send(hostile, 60, REQUESTS);

		String after = metrics();
		assertThat(after).doesNotContain(marker);
		assertThat(wxhubSeries(after)).isEqualTo(wxhubSeries(before));
		assertThat(after).contains("wxhub_proxy_requests_seconds_count{api=\"other\",app=\"-\",client=\"-\"")
			.contains("wxhub_proxy_requests_seconds_count{api=\"other\",app=\"" + ProxyCluster.APP
					+ "\",client=\"limited\",errcode=\"48001\",outcome=\"refused\"}");
	}

	@Test
	void requestTimesHaveHistogramBuckets() {
		String token = proxyToken(proxy, CLIENT_KEY);
		assertThat(get(proxy + "/cgi-bin/get_api_domain_ip?access_token=" + token).statusCode()).isEqualTo(200);
		assertThat(metrics()).containsPattern("wxhub_proxy_requests_seconds_bucket\\{api=\"/cgi-bin/get_api_domain_ip\""
				+ ",app=\"" + ProxyCluster.APP + "\",client=\"all\",errcode=\"0\",outcome=\"ok\",le=\"[0-9.]+\"}");
	}

	/**
	 * Requests {@code from} to {@code to}, cycling through the kinds, on four threads.
	 */
	private static void send(List<IntFunction<String>> kinds, int from, int to) throws InterruptedException {
		AtomicInteger answered = new AtomicInteger();
		ExecutorService callers = Executors.newFixedThreadPool(4);
		IntStream.range(from, to).forEach((i) -> callers.execute(() -> {
			int status = get(proxy + kinds.get(i % kinds.size()).apply(i)).statusCode();
			if (status == 200 || status == 400) {
				answered.incrementAndGet();
			}
		}));
		callers.shutdown();
		assertThat(callers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
		assertThat(answered).as("every hostile request answered 200 (refusal) or 400").hasValue(to - from);
	}

	private static String metrics() {
		return get(proxy + "/actuator/prometheus").body();
	}

	private static long wxhubSeries(String exposition) {
		return exposition.lines().filter((line) -> line.startsWith("wxhub_")).count();
	}

}
