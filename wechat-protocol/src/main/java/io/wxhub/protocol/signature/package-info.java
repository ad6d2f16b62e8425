/**
 * WeChat signatures: the callback URL and msg_signature SHA-1, the JS-SDK signature and
 * nonces.
 */
package io.wxhub.protocol.signature;
