package io.wxhub.apiproxy.forward;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrcodeCheckTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"errcode":40001,"errmsg":"invalid credential"}                 | 40001
			{"errcode":0,"errmsg":"ok"}                                     | 0
			{"errcode":-1,"errmsg":"system error"}                          | -1
			{ "errmsg" : "x", "errcode" : 42001 }                           | 42001
			{"ip_list":["1.2.3.4"]}                                         | 0
			{"data":{"errcode":40001},"list":[{"errcode":1}],"errcode":45009} | 45009
			{"data":{"errcode":40001}}                                      | 0
			{"errcode":"40001"}                                             | 0
			{"errcode":99999999999}                                         | 0
			{"errcode":40001.5}                                             | 0
			[{"errcode":40001}]                                             | 0
			not json                                                        | 0
			{"errcode":                                                     | 0
			{"errmsg":"no errcode","broken                                  | 0
			""")
	void readsTheTopLevelErrcode(String body, int errcode) {
		assertThat(ErrcodeCheck.errcode(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(errcode);
	}

	@ParameterizedTest(name = "{0} is a token rejection: {1}")
	@CsvSource({ "40001, true", "40014, true", "42001, true", "0, false", "-1, false", "45009, false", "48001, false",
			"12345, false" })
	void tokenRejectionsAreTheThreeTokenErrcodes(int errcode, boolean rejection) {
		assertThat(ErrcodeCheck.isTokenRejection(errcode)).isEqualTo(rejection);
	}

	@ParameterizedTest
	@CsvSource({ "0" })
	void anEmptyBodyHasNoErrcode(int errcode) {
		assertThat(ErrcodeCheck.errcode(new byte[0])).isEqualTo(errcode);
	}

}
