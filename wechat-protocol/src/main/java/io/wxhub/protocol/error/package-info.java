/**
 * WeChat error codes and the exception that carries them.
 */
package io.wxhub.protocol.error;
