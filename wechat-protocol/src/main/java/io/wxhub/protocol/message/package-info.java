/**
 * Messages and events that WeChat pushes to the callback URL.
 */
package io.wxhub.protocol.message;
