package io.wxhub.sandbox.message;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import tools.jackson.databind.JsonNode;

/**
 * A message an app sent to a follower through the API side.
 *
 * @param openid the recipient
 * @param msgtype its {@code msgtype}; {@code template} for template messages
 * @param body the JSON body as the sandbox received it
 * @param receivedAt when the sandbox accepted it
 * @param msgid the {@code msgid} answered for a template message, {@code null} otherwise
 */
@JsonInclude(Include.NON_NULL)
public record SentMessage(String openid, String msgtype, JsonNode body, Instant receivedAt, Long msgid) {
}
