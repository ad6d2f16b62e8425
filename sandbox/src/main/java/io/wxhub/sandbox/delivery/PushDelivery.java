package io.wxhub.sandbox.delivery;

import java.time.Instant;
import java.util.List;

/**
 * What happened to one push, for the developer: what was sent, each attempt, the answer
 * and how WeChat judged it, and what the follower saw.
 *
 * @param id unique within the sandbox's run, growing
 * @param at when the push started (real time)
 * @param appId the receiving app
 * @param openid the follower who sent it
 * @param msgType its {@code MsgType}
 * @param event its {@code Event}, {@code null} for an ordinary message
 * @param msgId its {@code MsgId}, if any
 * @param mode the account's mode: {@code plain}, {@code compatible} or {@code safe}
 * @param plainXml the message XML before encryption
 * @param encryptedXml the body as the last attempt sent it in compatible or safe mode
 * (each attempt is encrypted afresh), {@code null} in plain mode
 * @param attempts each request, in order
 * @param responseBody the body of the 2xx answer exactly, {@code null} without one
 * @param replyXml the plaintext reply (decrypted if need be), if it got that far
 * @param checks WeChat's checks of the answer, in order; empty without a 2xx answer
 * @param outcome {@code reply}, {@code empty} or {@code unavailable}
 * @param shown what the follower's screen shows, {@code null} for nothing
 * @param problem why the follower sees the unavailable notice, {@code null} otherwise
 */
public record PushDelivery(long id, Instant at, String appId, String openid, String msgType, String event, Long msgId,
		String mode, String plainXml, String encryptedXml, List<PushAttempt> attempts, String responseBody,
		String replyXml, List<ReplyCheck> checks, String outcome, String shown, String problem) {

	public PushDelivery {
		attempts = List.copyOf(attempts);
		checks = List.copyOf(checks);
	}

}
