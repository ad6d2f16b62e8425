package io.wxhub.sandbox.wechat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.wxhub.protocol.error.WeChatError;

import org.springframework.boot.jackson.JacksonMixin;

/**
 * Writes the protocol's {@link WeChatError} as WeChat does, {@code errcode} and
 * {@code errmsg} only: its {@code isOk()}-style helpers are not fields.
 */
@JacksonMixin(WeChatError.class)
@JsonAutoDetect(isGetterVisibility = Visibility.NONE)
abstract class WeChatErrorJson {

}
