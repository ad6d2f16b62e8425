package io.wxhub.sandbox.wechat;

import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies of {@code /cgi-bin/**} carry WeChat's two fields and nothing else, written from
 * the protocol's {@code WeChatError}.
 */
class WeChatErrorBodyTests extends SandboxTestSupport {

	@Test
	void successAndErrorBodiesHaveOnlyErrcodeAndErrmsg() {
		String token = classicToken();
		assertThat(this.http.get("/cgi-bin/menu/delete?access_token={t}", token).body())
			.isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\"}");
		assertThat(this.http.get("/cgi-bin/menu/get?access_token={t}", token).body())
			.matches("\\{\"errcode\":46003,\"errmsg\":\"menu no exist" + RID + "\"}");
	}

}
