package io.wxhub.client;

/**
 * What a page's {@code wx.config} needs besides the appId: the token server signs the
 * page URL with the app's jsapi ticket, as WeChat's JS-SDK requires.
 *
 * @param appId the app
 * @param timestamp the epoch seconds that were signed, for {@code wx.config}'s
 * {@code timestamp}
 * @param nonceStr the nonce that was signed, for {@code wx.config}'s {@code nonceStr}
 * @param signature lowercase hex SHA-1 of
 * {@code jsapi_ticket=…&noncestr=…&timestamp=…&url=…} (the URL without its fragment)
 */
public record JsapiSignature(String appId, long timestamp, String nonceStr, String signature) {

}
