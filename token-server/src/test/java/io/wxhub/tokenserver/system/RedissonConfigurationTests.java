package io.wxhub.tokenserver.system;

import org.junit.jupiter.api.Test;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;

class RedissonConfigurationTests {

	@Test
	void plainUrl() {
		Config config = RedissonConfiguration.singleServer("redis://10.1.2.3:6380");
		assertThat(config.useSingleServer().getAddress()).isEqualTo("redis://10.1.2.3:6380");
	}

	@Test
	void passwordUserAndDatabase() {
		Config config = RedissonConfiguration.singleServer("rediss://app:s3cret@cache.internal:6390/4");
		var server = config.useSingleServer();
		assertThat(server.getAddress()).isEqualTo("rediss://cache.internal:6390");
		assertThat(server.getUsername()).isEqualTo("app");
		assertThat(server.getPassword()).isEqualTo("s3cret");
		assertThat(server.getDatabase()).isEqualTo(4);
	}

	@Test
	void passwordOnlyAndDefaultPort() {
		var server = RedissonConfiguration.singleServer("redis://:pw@localhost").useSingleServer();
		assertThat(server.getAddress()).isEqualTo("redis://localhost:6379");
		assertThat(server.getUsername()).isNull();
		assertThat(server.getPassword()).isEqualTo("pw");
	}

}
