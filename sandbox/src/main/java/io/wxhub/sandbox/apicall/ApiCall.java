package io.wxhub.sandbox.apicall;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One request to a WeChat API, as the developer panel lists it; bodies are not kept.
 *
 * @param id unique within the sandbox's run, growing
 * @param at when it arrived (real time)
 * @param appId the app it was for, or {@code unknown}
 * @param method the HTTP method
 * @param path the API path
 * @param query the query string with every token, secret and code cut to its first four
 * characters and {@code …}; {@code null} without one
 * @param status the HTTP status answered
 * @param errcode the {@code errcode} answered (0 on a 200 without one), {@code null} when
 * the answer was not WeChat JSON
 * @param latencyMillis how long the sandbox took to answer, injected delays included
 */
public record ApiCall(long id, Instant at, String appId, String method, String path,
		@JsonInclude(Include.NON_NULL) String query, int status, Integer errcode, long latencyMillis) {

}
