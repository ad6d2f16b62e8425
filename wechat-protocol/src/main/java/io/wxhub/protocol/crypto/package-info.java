/**
 * AES encryption of message bodies in safe and compatible mode.
 */
package io.wxhub.protocol.crypto;
