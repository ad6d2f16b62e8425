package io.wxhub.sandbox.message;

import java.time.Duration;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.follower.Interaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may receive customer-service messages: known followers who follow, within the
 * window their latest interaction opened.
 */
class CustomMessageWindowTests extends CustomMessageTestSupport {

	@Test
	void fiveMessagesPerWindowThen45047() {
		for (int i = 0; i < 5; i++) {
			assertThat(send(text("message " + i)).errcode()).isZero();
		}
		Reply sixth = send(text("one too many"));
		assertThat(sixth.errcode()).isEqualTo(45047);
		assertThat(sixth.errmsg()).matches("out of response count limit" + RID);
		assertThat(this.http.get("/sandbox/apps/{app}/messages", APP).json().size()).isEqualTo(5);
		wroteNow(this.openid);
		assertThat(send(text("after a new message")).errcode()).isZero();
	}

	@Test
	void windowClosesFortyEightHoursAfterTheLastMessage() {
		assertThat(send(text("hi")).errcode()).isZero();
		later(Duration.ofHours(47).plusMinutes(59));
		assertThat(send(text("still in time")).errcode()).isZero();
		later(Duration.ofHours(1).plusMinutes(1));
		Reply late = send(text("too late"));
		assertThat(late.errcode()).isEqualTo(45015);
		assertThat(late.errmsg()).matches("response out of time limit or subscription is canceled" + RID);
		assertThat(send(textTo(demoFollower(APP, 2), "never wrote")).errcode()).isEqualTo(45015);
	}

	@Test
	void shortWindowsOfClicksAllowThreeMessagesInAMinute() {
		String openid = demoFollower(APP, 2);
		this.followers.recordInteraction(APP, openid, Interaction.MENU_CLICK, this.clock.instant());
		for (int i = 0; i < 3; i++) {
			assertThat(send(textTo(openid, "click " + i)).errcode()).isZero();
		}
		assertThat(send(textTo(openid, "fourth")).errcode()).isEqualTo(45047);
		this.followers.recordInteraction(APP, openid, Interaction.SUBSCRIBE, this.clock.instant());
		advance(Duration.ofSeconds(61));
		assertThat(send(textTo(openid, "late")).errcode()).isEqualTo(45015);
	}

	@Test
	void recipientsAreChecked() {
		Reply unknown = send(textTo("oUnknownOpenid", "hi"));
		assertThat(unknown.errcode()).isEqualTo(40003);
		assertThat(unknown.errmsg()).matches("invalid openid" + RID);
		assertThat(send(Map.of("msgtype", "text", "text", Map.of("content", "hi"))).errcode()).isEqualTo(40003);
		Reply unfollowed = send(textTo(demoFollower(APP, 3), "hi"));
		assertThat(unfollowed.errcode()).isEqualTo(43004);
		assertThat(unfollowed.errmsg()).matches("require subscribe" + RID);
		assertThat(send(textTo(demoFollower(APP2, 1), "other app's follower")).errcode()).isEqualTo(40003);
	}

}
