package io.wxhub.sandbox.feed;

import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppFeedTests {

	private final AppFeed<Integer> feed = new AppFeed<>("test", 5);

	@AfterEach
	void close() {
		this.feed.close();
	}

	@Test
	void keepsTheNewestPerAppNewestFirst() {
		IntStream.rangeClosed(1, 8).forEach((i) -> this.feed.add("a", i));
		this.feed.add("b", 100);
		assertThat(this.feed.latest("a", (i) -> true, 10)).containsExactly(8, 7, 6, 5, 4);
		assertThat(this.feed.latest("a", (i) -> i % 2 == 0, 10)).containsExactly(8, 6, 4);
		assertThat(this.feed.latest("a", (i) -> true, 2)).containsExactly(8, 7);
		assertThat(this.feed.latest("b", (i) -> true, 10)).containsExactly(100);
		assertThat(this.feed.latest("c", (i) -> true, 10)).isEmpty();
	}

	@Test
	void clearForgetsEveryApp() {
		this.feed.add("a", 1);
		this.feed.add("b", 2);
		this.feed.clear();
		assertThat(this.feed.latest("a", (i) -> true, 10)).isEmpty();
		assertThat(this.feed.latest("b", (i) -> true, 10)).isEmpty();
	}

	@Test
	void limitsOutsideTheFeedAreRefused() {
		assertThat(FeedLimit.check(null, 200)).isEqualTo(FeedLimit.DEFAULT);
		assertThat(FeedLimit.check(200, 200)).isEqualTo(200);
		assertThat(FeedLimit.check(1, 200)).isEqualTo(1);
		assertThatThrownBy(() -> FeedLimit.check(0, 200)).hasMessageContaining("limit must be between 1 and 200");
		assertThatThrownBy(() -> FeedLimit.check(201, 200)).hasMessageContaining("limit must be between 1 and 200");
	}

}
