package io.wxhub.tokenserver;

import java.time.Instant;

import io.wxhub.testsupport.OwnedRedis;
import org.junit.jupiter.api.Test;

import static io.wxhub.tokenserver.TokenCluster.APP;
import static io.wxhub.tokenserver.TokenCluster.CLIENT_KEY;
import static io.wxhub.tokenserver.TokenCluster.get;
import static io.wxhub.tokenserver.TokenCluster.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Redis going away and coming back, on a Redis this test owns. */
class RedisOutageIntegrationTests {

	@Test
	void readersKeepTheCachedTokenWhileRedisIsDownAndTheServiceRecoversAfterwards() throws Exception {
		try (OwnedRedis redis = OwnedRedis.start();
				TokenCluster cluster = TokenCluster.withSandboxOnRedis(redis.url(), "--sandbox.token-lifetime=30s")) {
			String server = cluster.startTokenServer("--token-server.refresh-ahead=5s",
					"--token-server.near-cache-ttl=100ms", "--token-server.check-interval=200ms",
					"--token-server.min-forced-interval=0s");
			String token = json(get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY)).path("accessToken")
				.asString();

			long callsBeforeOutage = cluster.upstreamCalls(APP, "/cgi-bin/token");
			redis.stop();
			Instant end = Instant.now().plusSeconds(4);
			while (Instant.now().isBefore(end)) {
				long started = System.nanoTime();
				var response = get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(json(response).path("accessToken").asString()).isEqualTo(token);
				// Served from memory: no read waits on the dead Redis.
				assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(500);
				Thread.sleep(50);
			}
			assertThat(json(get(server + "/actuator/health", null)).path("components")
				.path("redis")
				.path("status")
				.asString()).isEqualTo("DOWN");

			redis.resume();
			Instant deadline = Instant.now().plusSeconds(20);
			String redisStatus = "DOWN";
			while (!redisStatus.equals("UP") && Instant.now().isBefore(deadline)) {
				Thread.sleep(250);
				redisStatus = json(get(server + "/actuator/health", null)).path("components")
					.path("redis")
					.path("status")
					.asString();
			}
			assertThat(redisStatus).isEqualTo("UP");
			// The restarted Redis lost everything; the replica writes its valid token
			// back.
			var after = get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY);
			assertThat(after.statusCode()).isEqualTo(200);
			String served = json(after).path("accessToken").asString();
			assertThat(cluster.tokenCheck(APP, served).path("valid").asBoolean()).isTrue();
			assertThat(served).isEqualTo(token);
			Thread.sleep(1000);
			// Recovery wrote the served token back instead of fetching a new one.
			assertThat(cluster.upstreamCalls(APP, "/cgi-bin/token")).isEqualTo(callsBeforeOutage);
			// Refreshes run through Redis again: force one and see the new token served.
			long calls = cluster.upstreamCalls(APP, "/cgi-bin/token");
			var refreshed = TokenCluster.post(server + "/v1/apps/" + APP + "/access-token/refresh", CLIENT_KEY,
					"{\"rejectedToken\":\"" + served + "\"}");
			assertThat(refreshed.statusCode()).isEqualTo(200);
			String renewed = json(refreshed).path("accessToken").asString();
			assertThat(renewed).isNotEqualTo(served);
			assertThat(cluster.upstreamCalls(APP, "/cgi-bin/token")).isEqualTo(calls + 1);
			assertThat(
					json(get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY)).path("accessToken").asString())
				.isEqualTo(renewed);
		}
	}

}
