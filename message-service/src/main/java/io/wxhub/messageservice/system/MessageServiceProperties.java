package io.wxhub.messageservice.system;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.wxhub.messageservice.routing.Rule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the message service ({@code message-service.*}).
 *
 * @param apps the accounts whose callback URL this is
 * @param apiProxy how late replies reach WeChat
 * @param rules routing rules, in order; the first match wins
 * @param deadline time from a push's arrival to the answer; a reply not ready by then
 * goes out later as a customer-service message
 * @param timestampWindow pushes whose {@code timestamp} is further than this from now are
 * refused
 * @param maxBodySize larger pushes are refused (413)
 * @param dedupTtl how long a message's outcome is kept for WeChat's retries
 * @param redisPrefix prefix of every Redis key
 * @param answerRecheck while a retry waits for another replica's answer, how often it
 * re-reads Redis besides being told of the answer (covers a lost announcement and a claim
 * whose replica died)
 * @param actions the threads that run actions
 */
@ConfigurationProperties("message-service")
@Validated
public record MessageServiceProperties(@NotEmpty @Valid List<App> apps, @NotNull @Valid ApiProxy apiProxy,
		@Valid List<Rule> rules, @DefaultValue("4500ms") @NotNull Duration deadline,
		@DefaultValue("5m") @NotNull Duration timestampWindow, @DefaultValue("64KB") @NotNull DataSize maxBodySize,
		@DefaultValue("10m") @NotNull Duration dedupTtl, @DefaultValue("wxhub") @NotBlank String redisPrefix,
		@DefaultValue("250ms") @NotNull Duration answerRecheck, @DefaultValue @NotNull @Valid Actions actions) {

	public MessageServiceProperties {
		rules = (rules != null) ? rules : List.of();
	}

	/** The account with this AppID. */
	public Optional<App> app(String appId) {
		return this.apps.stream().filter((app) -> app.appId().equals(appId)).findFirst();
	}

	/**
	 * A callback account.
	 *
	 * @param appId the AppID (the path of its callback URL: {@code /wx/{appId}})
	 * @param originalId the account's original id ({@code gh_…}), the ToUserName of its
	 * pushes
	 * @param token the callback Token of the server configuration; never logged
	 * @param aesKey the 43-character EncodingAESKey (compatible and safe modes); never
	 * logged
	 * @param mode the message encryption mode
	 */
	public record App(@NotBlank String appId, @NotBlank String originalId, @NotBlank String token,
			@Pattern(regexp = "[A-Za-z0-9]{43}") String aesKey, @DefaultValue("plain") @NotNull Mode mode) {

		@Override
		public String toString() {
			return "App[appId=" + this.appId + ", mode=" + this.mode + ", token=***, aesKey=***]";
		}

	}

	/** WeChat's message encryption modes. */
	public enum Mode {

		/** 明文: plain XML only. */
		PLAIN,
		/** 兼容: plain and encrypted fields; answered in kind. */
		COMPATIBLE,
		/** 安全: encrypted only. */
		SAFE

	}

	/**
	 * The API-Proxy, for customer-service messages.
	 *
	 * @param url its base URL
	 * @param clientKey this service's client key there
	 */
	public record ApiProxy(@NotBlank String url, @NotBlank String clientKey) {

		@Override
		public String toString() {
			return "ApiProxy[url=" + this.url + ", clientKey=***]";
		}

	}

	/**
	 * The threads of the push pipeline.
	 *
	 * @param threads most actions running at once (forwards, handler beans, late
	 * customer-service messages); idle threads end after a minute
	 * @param queue actions waiting for a thread; beyond it a push is answered empty at
	 * once
	 * @param timerThreads threads that fire deadlines and re-checks
	 * @param shutdownWait how long shutdown waits for running actions
	 */
	public record Actions(@DefaultValue("64") @Min(1) int threads, @DefaultValue("256") @Min(0) int queue,
			@DefaultValue("2") @Min(1) int timerThreads, @DefaultValue("10s") @NotNull Duration shutdownWait) {

	}

}
