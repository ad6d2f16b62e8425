package io.wxhub.apiproxy.credential;

import java.time.Instant;

/**
 * What a verified proxy token stands for.
 *
 * @param clientId the client it was issued to
 * @param appId the app it may act for
 * @param expiresAt when it stops being accepted
 */
public record ProxyToken(String clientId, String appId, Instant expiresAt) {
}
