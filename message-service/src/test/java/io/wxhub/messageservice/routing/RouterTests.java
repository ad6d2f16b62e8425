package io.wxhub.messageservice.routing;

import java.time.Duration;
import java.util.List;

import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.protocol.message.ClickEvent;
import io.wxhub.protocol.message.ImageMessage;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.message.SubscribeEvent;
import io.wxhub.protocol.message.TextMessage;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rule a message matches: first match wins, every match field optional. */
class RouterTests {

	private static final RuleAction NONE = new RuleAction(RuleAction.Type.NONE, null, null, null,
			Duration.ofSeconds(10));

	private static final MessageHeader HEADER = new MessageHeader("gh_x", "oFollower", 1_700_000_000L);

	@Test
	void theFirstMatchingRuleWins() {
		Router router = router(rule("weibo").content("微博"), rule("text").msgType("text"), rule("default"));
		assertThat(matched(router, "wx1", text("微博"))).isEqualTo("weibo");
		assertThat(matched(router, "wx1", text("你好"))).isEqualTo("text");
		assertThat(matched(router, "wx1", image())).isEqualTo("default");
	}

	@Test
	void contentMatchesExactlyByPrefixOrByWholeRegex() {
		Router router = router(rule("exact").content("hi"), rule("prefix").prefix("order "),
				rule("regex").regex("\\d{4}"));
		assertThat(matched(router, "wx1", text("hi"))).isEqualTo("exact");
		assertThat(matched(router, "wx1", text("hi there"))).isNull();
		assertThat(matched(router, "wx1", text("order 42"))).isEqualTo("prefix");
		assertThat(matched(router, "wx1", text("1234"))).isEqualTo("regex");
		assertThat(matched(router, "wx1", text("12345"))).isNull();
		// Content rules never match messages without content.
		assertThat(matched(router, "wx1", image())).isNull();
	}

	@Test
	void eventsMatchOnEventAndKeyAsWeChatSpellsThem() {
		Router router = router(rule("subscribe").msgType("event").event("subscribe"),
				rule("good").msgType("event").event("CLICK").eventKey("V1001_GOOD"));
		assertThat(matched(router, "wx1", new SubscribeEvent(HEADER, null, null))).isEqualTo("subscribe");
		assertThat(matched(router, "wx1", new ClickEvent(HEADER, "V1001_GOOD"))).isEqualTo("good");
		assertThat(matched(router, "wx1", new ClickEvent(HEADER, "V1002_BAD"))).isNull();
		assertThat(matched(router, "wx1", new ClickEvent(HEADER, "v1001_good"))).isNull();
	}

	@Test
	void aRuleForSomeAppsLeavesTheOthersToLaterRules() {
		Router router = router(rule("only-a").apps("wxA"), rule("default"));
		assertThat(matched(router, "wxA", text("x"))).isEqualTo("only-a");
		assertThat(matched(router, "wxB", text("x"))).isEqualTo("default");
	}

	@Test
	void noRulesMatchNothing() {
		assertThat(matched(router(), "wx1", text("x"))).isNull();
	}

	private static String matched(Router router, String appId, InboundMessage message) {
		return router.match(appId, message).map(Rule::name).orElse(null);
	}

	private static Router router(RuleBuilder... rules) {
		List<Rule> list = java.util.Arrays.stream(rules).map(RuleBuilder::build).toList();
		MessageServiceProperties properties = new MessageServiceProperties(List.of(), null, list,
				Duration.ofMillis(4500), Duration.ofMinutes(5), DataSize.ofKilobytes(64), Duration.ofMinutes(10),
				"wxhub", Duration.ofMillis(250), null);
		// Matching never runs actions.
		return new Router(properties, null);
	}

	private static TextMessage text(String content) {
		return new TextMessage(HEADER, content, 1L);
	}

	private static ImageMessage image() {
		return new ImageMessage(HEADER, "http://pic", "MEDIA", 2L);
	}

	private static RuleBuilder rule(String name) {
		return new RuleBuilder(name);
	}

	private static final class RuleBuilder {

		private final String name;

		private List<String> apps;

		private String msgType;

		private String event;

		private String eventKey;

		private String content;

		private String prefix;

		private String regex;

		RuleBuilder(String name) {
			this.name = name;
		}

		RuleBuilder apps(String... apps) {
			this.apps = List.of(apps);
			return this;
		}

		RuleBuilder msgType(String msgType) {
			this.msgType = msgType;
			return this;
		}

		RuleBuilder event(String event) {
			this.event = event;
			return this;
		}

		RuleBuilder eventKey(String eventKey) {
			this.eventKey = eventKey;
			return this;
		}

		RuleBuilder content(String content) {
			this.content = content;
			return this;
		}

		RuleBuilder prefix(String prefix) {
			this.prefix = prefix;
			return this;
		}

		RuleBuilder regex(String regex) {
			this.regex = regex;
			return this;
		}

		Rule build() {
			return new Rule(this.name, this.apps, this.msgType, this.event, this.eventKey, this.content, this.prefix,
					this.regex, NONE);
		}

	}

}
