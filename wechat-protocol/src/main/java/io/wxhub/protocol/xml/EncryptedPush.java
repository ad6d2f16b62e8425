package io.wxhub.protocol.xml;

/**
 * An encrypted push as WeChat sends it: the XML body and the {@code msg_signature} query
 * parameter that goes with it.
 *
 * @param body the {@code <xml><ToUserName/><Encrypt/></xml>} body
 * @param msgSignature the {@code msg_signature} over token, timestamp, nonce and Encrypt
 */
public record EncryptedPush(String body, String msgSignature) {

}
