package io.wxhub.sandbox.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * An account's IP whitelist: single addresses or CIDR ranges, IPv4 or IPv6. IPv4-mapped
 * IPv6 addresses match their IPv4 form. An empty whitelist admits everyone.
 */
final class IpWhitelist {

	private final List<String> entries;

	IpWhitelist(List<String> entries) {
		this.entries = entries;
	}

	boolean admits(String ip) {
		if (this.entries.isEmpty()) {
			return true;
		}
		byte[] caller = parse(ip);
		return caller != null && this.entries.stream().anyMatch((entry) -> matches(entry.strip(), caller));
	}

	private static boolean matches(String entry, byte[] caller) {
		int slash = entry.indexOf('/');
		byte[] network = parse((slash < 0) ? entry : entry.substring(0, slash));
		if (network == null || network.length != caller.length) {
			return false;
		}
		int bits = (slash < 0) ? network.length * 8 : prefixLength(entry.substring(slash + 1));
		for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
			int mask = (bits >= 8) ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
			if ((network[i] & mask) != (caller[i] & mask)) {
				return false;
			}
		}
		return true;
	}

	private static int prefixLength(String bits) {
		try {
			return Integer.parseInt(bits);
		}
		catch (NumberFormatException ex) {
			return Integer.MAX_VALUE;
		}
	}

	private static byte[] parse(String address) {
		// only literal addresses: never resolve host names
		if (address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) {
			return null;
		}
		try {
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
