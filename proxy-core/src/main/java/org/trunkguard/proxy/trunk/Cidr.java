package org.trunkguard.proxy.trunk;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block, IPv4 or IPv6, such as 127.0.0.10/32 or 2001:db8::/64. */
public record Cidr(byte[] network, int prefixLength) {

    /** Parses "address[/prefix]"; only literal addresses, never a name to resolve. */
    public static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (!isLiteral(address)) {
            throw new IllegalArgumentException("not an IP address: '" + address + "'");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: '" + address + "'");
        }
        int max = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? max : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("prefix length is not a number in '" + t + "'");
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("prefix length must be 0.." + max + " in '" + t + "'");
        }
        return new Cidr(bytes, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    private static boolean isLiteral(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.indexOf(':') >= 0) {
            return s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        return s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.');
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
