package io.wxhub.domains;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WeChatDomainsPropertiesTests {

	@Test
	void defaultsToWeChatsPrimaryAndItsDocumentedBackup() {
		assertThat(bind(Map.of()).apiBaseUrls()).containsExactly(URI.create("https://api.weixin.qq.com"),
				URI.create("https://api2.weixin.qq.com"));
	}

	@Test
	void aListInOrder() {
		assertThat(bind(Map.of("wechat.api-base-urls", "https://sh.api.weixin.qq.com,https://api.weixin.qq.com"))
			.apiBaseUrls())
			.containsExactly(URI.create("https://sh.api.weixin.qq.com"), URI.create("https://api.weixin.qq.com"));
	}

	@Test
	void theOneEntryShorthandIsTheOnlyDomain() {
		WeChatDomainsProperties properties = bind(
				Map.of("wechat.api-base-url", "http://127.0.0.1:8090", "wechat.api-base-urls", "https://ignored"));
		assertThat(properties.apiBaseUrls()).containsExactly(URI.create("http://127.0.0.1:8090"));
	}

	@Test
	void aBlankShorthandIsUnset() {
		assertThat(bind(Map.of("wechat.api-base-url", "")).apiBaseUrls()).hasSize(2);
	}

	@Test
	void refusesWhatIsNoApiRootOrListedTwice() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("wechat.api-base-urls", "ftp://api.weixin.qq.com")));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("wechat.api-base-urls", "https://a.example,https://a.example/")));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("wechat.failover.failure-rate-threshold", "0")));
	}

	private static WeChatDomainsProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("wechat",
				WeChatDomainsProperties.class);
	}

}
