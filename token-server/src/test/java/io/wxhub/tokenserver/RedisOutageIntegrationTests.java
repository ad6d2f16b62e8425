package io.wxhub.tokenserver;

import java.time.Duration;

import io.wxhub.testsupport.OwnedRedis;
import org.junit.jupiter.api.Test;

import static io.wxhub.tokenserver.TokenCluster.APP;
import static io.wxhub.tokenserver.TokenCluster.CLIENT_KEY;
import static io.wxhub.tokenserver.TokenCluster.get;
import static io.wxhub.tokenserver.TokenCluster.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redis going away and coming back, on a Redis this test owns. */
class RedisOutageIntegrationTests {

	@Test
	void readersKeepTheCachedTokenWhileRedisIsDownAndTheServiceRecoversAfterwards() {
		try (OwnedRedis redis = OwnedRedis.start();
				TokenCluster cluster = TokenCluster.withSandboxOnRedis(redis.url(), "--sandbox.token-lifetime=30s")) {
			String server = cluster.startTokenServer("--token-server.refresh-ahead=5s",
					"--token-server.near-cache-ttl=100ms", "--token-server.check-interval=200ms");
			String token = json(get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY)).path("accessToken")
				.asString();

			long callsBeforeOutage = cluster.upstreamCalls(APP, "/cgi-bin/token");
			redis.stop();
			// Served from memory all along (that no read waits on the dead Redis is
			// TokenServiceTests' to show).
			await().during(Duration.ofSeconds(4))
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.untilAsserted(() -> {
					var response = get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY);
					assertThat(response.statusCode()).isEqualTo(200);
					assertThat(json(response).path("accessToken").asString()).isEqualTo(token);
				});
			assertThat(redisStatus(server)).isEqualTo("DOWN");

			redis.resume();
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> redisStatus(server), "UP"::equals);
			// The restarted Redis lost everything; the replica writes its valid token
			// back.
			var after = get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY);
			assertThat(after.statusCode()).isEqualTo(200);
			String served = json(after).path("accessToken").asString();
			assertThat(cluster.tokenCheck(APP, served).path("valid").asBoolean()).isTrue();
			assertThat(served).isEqualTo(token);
			// Recovery wrote the served token back instead of fetching a new one.
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(10))
				.until(() -> cluster.upstreamCalls(APP, "/cgi-bin/token"), (calls) -> calls == callsBeforeOutage);
			// Refreshes run through Redis again: another party kills the token, a caller
			// reports it, and the new token is served.
			cluster.rotateBehindOurBack(APP);
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

	private static String redisStatus(String server) {
		return json(get(server + "/actuator/health", null)).path("components").path("redis").path("status").asString();
	}

}
