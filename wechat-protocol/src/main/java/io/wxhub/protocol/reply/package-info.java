/**
 * Passive replies returned in the callback response.
 */
package io.wxhub.protocol.reply;
