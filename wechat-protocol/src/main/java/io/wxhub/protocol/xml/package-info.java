/**
 * Secure XML codec for pushes, replies and encrypted envelopes.
 */
package io.wxhub.protocol.xml;
