package io.wxhub.sandbox.account;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpWhitelistTests {

	@Test
	void emptyWhitelistAdmitsEveryone() {
		assertThat(new IpWhitelist(List.of()).admits("203.0.113.9")).isTrue();
	}

	@Test
	void matchesSingleAddressesAndRanges() {
		IpWhitelist whitelist = new IpWhitelist(List.of("203.0.113.9", "10.1.0.0/16", "2001:db8::/32"));
		assertThat(whitelist.admits("203.0.113.9")).isTrue();
		assertThat(whitelist.admits("203.0.113.10")).isFalse();
		assertThat(whitelist.admits("10.1.255.3")).isTrue();
		assertThat(whitelist.admits("10.2.0.1")).isFalse();
		assertThat(whitelist.admits("2001:db8:1::5")).isTrue();
		assertThat(whitelist.admits("2001:db9::5")).isFalse();
		assertThat(whitelist.admits("::ffff:203.0.113.9")).isTrue();
	}

	@Test
	void ignoresEntriesThatAreNotAddresses() {
		IpWhitelist whitelist = new IpWhitelist(List.of("localhost", "10.0.0.0/x", " 127.0.0.1 "));
		assertThat(whitelist.admits("127.0.0.1")).isTrue();
		assertThat(whitelist.admits("10.0.0.1")).isFalse();
		assertThat(whitelist.admits("not-an-ip")).isFalse();
	}

}
