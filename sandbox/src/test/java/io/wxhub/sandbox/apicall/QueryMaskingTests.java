package io.wxhub.sandbox.apicall;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryMaskingTests {

	@Test
	void credentialsKeepTheirFirstFourCharacters() {
		assertThat(QueryMasking.mask("access_token=ACCESS_TOKEN_VALUE&openid=oUser1&lang=zh_CN"))
			.isEqualTo("access_token=ACCE…&openid=oUser1&lang=zh_CN");
		assertThat(QueryMasking.mask("refresh_token=abcdefgh&component_access_token=zyxwvuts&appsecret=12345678"))
			.isEqualTo("refresh_token=abcd…&component_access_token=zyxw…&appsecret=1234…");
		assertThat(QueryMasking.mask("Code=0123456789&SECRET=abcdefghij")).isEqualTo("Code=0123…&SECRET=abcd…");
	}

	@Test
	void shortOrEncodedValuesNeverShowMoreThanHalf() {
		assertThat(QueryMasking.mask("secret=abc")).isEqualTo("secret=a…");
		assertThat(QueryMasking.mask("secret=&code")).isEqualTo("secret=…&code");
		assertThat(QueryMasking.mask("access_token=%2B%2Babcdef")).isEqualTo("access_token=%2B%2Bab…");
	}

	@Test
	void noQueryIsNoQuery() {
		assertThat(QueryMasking.mask(null)).isNull();
		assertThat(QueryMasking.mask("")).isNull();
		assertThat(QueryMasking.mask("appid=wx1&&x")).isEqualTo("appid=wx1&&x");
	}

}
