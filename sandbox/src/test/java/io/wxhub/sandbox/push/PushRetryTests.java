package io.wxhub.sandbox.push;

import java.util.List;
import java.util.Map;

import io.wxhub.protocol.reply.TextReply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat's retries: an attempt that times out ({@code sandbox.push.timeout} is
 * {@link #ATTEMPT_TIMEOUT} here), cannot connect or gets a non-2xx status is sent again,
 * three times in all, each time freshly signed but with the same message.
 */
class PushRetryTests extends PushTestSupport {

	private static final Map<String, String> TEXT = Map.of("msgType", "text", "content", "retry me");

	@Test
	void aTimedOutAttemptIsRetriedWithTheSameMessage() {
		SERVER.script(Answers.late(LATE_MILLIS, Answers.reply(new TextReply("too late"))),
				Answers.reply(new TextReply("in time")));
		JsonNode result = send(SAFE, follower(SAFE, 1), TEXT).json();
		assertThat(result.path("outcome").asString()).isEqualTo("reply");
		assertThat(result.path("attempts").asInt()).isEqualTo(2);
		assertThat(result.path("shown").asString()).isEqualTo("in time");
		List<Received> got = SERVER.received();
		assertThat(got).hasSize(2);
		assertSameMessageFreshlySigned(got, result.path("msgId").asLong());
	}

	@Test
	void everyAttemptTimingOutMakesTheAccountUnavailable() {
		SERVER.script(Answers.late(LATE_MILLIS, Answers.body(200, "success")),
				Answers.late(LATE_MILLIS, Answers.body(200, "success")),
				Answers.late(LATE_MILLIS, Answers.body(200, "success")));
		JsonNode result = send(COMPATIBLE, follower(COMPATIBLE, 1), TEXT).json();
		assertThat(result.path("outcome").asString()).isEqualTo("unavailable");
		assertThat(result.path("attempts").asInt()).isEqualTo(3);
		assertThat(result.path("shown").asString()).isEqualTo(UNAVAILABLE);
		assertThat(result.path("responseBody").isNull()).isTrue();
		assertThat(result.path("problem").asString())
			.isEqualTo("attempt 3: no answer within " + ATTEMPT_TIMEOUT.toMillis() + " ms");
		assertSameMessageFreshlySigned(SERVER.received(), result.path("msgId").asLong());
	}

	@Test
	void serverErrorsAreRetriedAndFinallyUnavailable() {
		SERVER.script(Answers.body(500, "oops"), Answers.body(502, ""), Answers.reply(new TextReply("third time")));
		JsonNode recovered = send(PLAIN, follower(PLAIN, 1), TEXT).json();
		assertThat(recovered.path("attempts").asInt()).isEqualTo(3);
		assertThat(recovered.path("shown").asString()).isEqualTo("third time");
		SERVER.clear();
		SERVER.script(Answers.body(500, "oops"), Answers.body(500, "oops"), Answers.body(500, "oops"),
				Answers.reply(new TextReply("never asked")));
		JsonNode failed = send(PLAIN, follower(PLAIN, 1), TEXT).json();
		assertThat(failed.path("outcome").asString()).isEqualTo("unavailable");
		assertThat(failed.path("attempts").asInt()).isEqualTo(3);
		assertThat(failed.path("problem").asString()).isEqualTo("attempt 3: HTTP status 500");
		assertThat(SERVER.received()).hasSize(3);
	}

	@Test
	void droppedResponsesAreRetriedRightAway() {
		JsonNode result = send(SAFE, follower(SAFE, 2),
				Map.of("msgType", "text", "content", "lossy", "dropResponses", 2))
			.json();
		assertThat(result.path("outcome").asString()).isEqualTo("reply");
		assertThat(result.path("attempts").asInt()).isEqualTo(3);
		assertThat(result.path("shown").asString()).isEqualTo("echo: lossy");
		assertSameMessageFreshlySigned(SERVER.received(), result.path("msgId").asLong());
		SERVER.clear();
		JsonNode lost = send(SAFE, follower(SAFE, 2),
				Map.of("msgType", "event", "event", "CLICK", "eventKey", "K", "dropResponses", 5))
			.json();
		assertThat(lost.path("outcome").asString()).isEqualTo("unavailable");
		assertThat(lost.path("attempts").asInt()).isEqualTo(3);
		assertThat(lost.has("msgId")).isFalse();
		assertThat(SERVER.received()).hasSize(3);
	}

	private void assertSameMessageFreshlySigned(List<Received> got, long msgId) {
		assertThat(got).hasSize((int) got.stream().map((request) -> request.query().get("nonce")).distinct().count());
		for (Received request : got) {
			assertThat(request.signed()).isTrue();
			assertThat(request.problem()).isNull();
			assertThat(request.message().msgId()).isEqualTo(msgId);
			assertThat(request.plaintext()).isEqualTo(got.get(0).plaintext());
		}
	}

}
