package io.wxhub.sandbox.system;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the sandbox ({@code sandbox.*}).
 *
 * @param accounts the emulated Official Accounts; a list given anywhere replaces the
 * whole list, so tests can bring their own accounts
 * @param tokenLifetime lifetime of every access token and ticket ({@code expires_in})
 * @param tokenOverlap how long the previous access token or ticket stays usable after a
 * new one was issued (never past its own expiry)
 * @param stableRotateBefore a non-forced {@code stable_token} call returns a new token
 * once less than this remains of the current one (capped at half the token lifetime)
 * @param dailyQuotas daily call limits per API path, merged over WeChat's defaults
 * @param push how simulated followers' messages are pushed to the callback URLs
 */
@ConfigurationProperties("sandbox")
@Validated
public record SandboxProperties(@DefaultValue @Valid List<Account> accounts,
		@DefaultValue("7200s") @NotNull Duration tokenLifetime, @DefaultValue("5m") @NotNull Duration tokenOverlap,
		@DefaultValue("5m") @NotNull Duration stableRotateBefore,
		@DefaultValue Map<String, @NotNull @PositiveOrZero Long> dailyQuotas, @DefaultValue @Valid Push push) {

	public SandboxProperties {
		if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
			throw new IllegalArgumentException("sandbox.token-lifetime must be positive");
		}
		if (tokenOverlap.isNegative() || stableRotateBefore.isNegative()) {
			throw new IllegalArgumentException("sandbox.token-overlap and stable-rotate-before must not be negative");
		}
		Set<String> appIds = new HashSet<>();
		for (Account account : accounts) {
			if (account.appId() != null && !appIds.add(account.appId())) {
				throw new IllegalArgumentException("duplicate sandbox account app-id " + account.appId());
			}
		}
	}

	/**
	 * Remaining lifetime below which {@code stable_token} rotates, never more than half
	 * the token lifetime so short test lifetimes still hand out the same token for a
	 * while.
	 * @return the effective rotation threshold
	 */
	public Duration effectiveStableRotateBefore() {
		Duration half = this.tokenLifetime.dividedBy(2);
		return (this.stableRotateBefore.compareTo(half) > 0) ? half : this.stableRotateBefore;
	}

	/**
	 * One emulated Official Account.
	 *
	 * @param appId the AppID
	 * @param secret the AppSecret
	 * @param originalId the original id ({@code gh_...}), the {@code ToUserName} of
	 * pushes
	 * @param callbackUrl the developer's callback URL that the push side posts to
	 * @param token the callback Token used in signatures
	 * @param aesKey the 43-character EncodingAESKey
	 * @param mode the message encryption mode
	 * @param ipWhitelist caller IPs or CIDR ranges allowed to fetch tokens; empty = no
	 * check
	 * @param name the account's name, shown on the web authorization page; the original
	 * id, else the AppID, when not set
	 * @param openPlatformAccount the Open Platform account it is bound to, if any: its
	 * followers then have a {@code unionid}
	 * @param webAuthDomains the web authorization domains (网页授权域名): the hosts a
	 * {@code redirect_uri} may have; empty = any host
	 */
	public record Account(@NotBlank String appId, @NotBlank String secret, String originalId,
			@Pattern(regexp = "https?://.+") String callbackUrl, String token,
			@Pattern(regexp = "[A-Za-z0-9]{43}") String aesKey, @DefaultValue("plain") Mode mode,
			@DefaultValue List<String> ipWhitelist, String name, String openPlatformAccount,
			@DefaultValue List<@NotBlank String> webAuthDomains) {

		public Account {
			if (mode != Mode.PLAIN && (aesKey == null || token == null)) {
				throw new IllegalArgumentException(
						"sandbox account " + appId + " needs token and aes-key in mode " + mode.name().toLowerCase());
			}
		}

		/**
		 * @return the name the web authorization page shows
		 */
		public String displayName() {
			if (this.name != null && !this.name.isBlank()) {
				return this.name;
			}
			return (this.originalId != null && !this.originalId.isBlank()) ? this.originalId : this.appId;
		}

	}

	/**
	 * How the push side delivers a follower's message, as WeChat does.
	 *
	 * @param timeout how long one attempt waits for the answer before it fails (WeChat: 5
	 * s); also the timeout of the URL check
	 * @param attempts how many times one message is sent at most before the follower sees
	 * "service unavailable" (WeChat: 3 in total)
	 */
	public record Push(@DefaultValue("5s") @NotNull Duration timeout,
			@DefaultValue("3") @Min(1) @Max(10) int attempts) {

		public Push {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("sandbox.push.timeout must be positive");
			}
		}

	}

	/**
	 * Message encryption mode of an account, as chosen in WeChat's console.
	 */
	public enum Mode {

		/** Plaintext messages. */
		PLAIN,
		/** Plaintext fields plus {@code Encrypt}. */
		COMPATIBLE,
		/** Ciphertext only. */
		SAFE

	}

}
