package io.wxhub.sandbox.token;

/**
 * The caller of a WeChat API, known from a valid {@code access_token}. Declaring a
 * parameter of this type on a handler method makes the API require a token: the sandbox
 * then answers 41001, 40014, 40001 or 42001 for a bad one and 45009 once the path's daily
 * quota is spent, before the method runs.
 *
 * @param appId the app the token belongs to
 * @param tokenKind the kind of token presented (classic or stable)
 */
public record AuthorizedApp(String appId, CredentialKind tokenKind) {
}
