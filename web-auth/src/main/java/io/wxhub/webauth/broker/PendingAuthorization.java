package io.wxhub.webauth.broker;

/**
 * What the broker keeps between sending a follower to WeChat and WeChat sending them
 * back.
 *
 * @param appId the account
 * @param clientId the internal web app
 * @param returnTo where the result goes (already checked against the client's prefixes)
 * @param scope {@code snsapi_base} or {@code snsapi_userinfo}
 */
record PendingAuthorization(String appId, String clientId, String returnTo, String scope) {
}
