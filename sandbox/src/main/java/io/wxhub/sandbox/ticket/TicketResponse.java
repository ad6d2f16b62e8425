package io.wxhub.sandbox.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * WeChat's ticket answer, which unlike the token answer carries {@code errcode} 0.
 *
 * @param errcode always 0
 * @param errmsg always {@code ok}
 * @param ticket the ticket
 * @param expiresIn seconds it stays valid
 */
record TicketResponse(int errcode, String errmsg, String ticket, @JsonProperty("expires_in") long expiresIn) {
}
