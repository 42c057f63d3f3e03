package org.trunkguard.sip;

import java.nio.charset.StandardCharsets;

/**
 * The header fields the proxy looks at, with their RFC 3261 §7.3.3 compact forms. Every other
 * header is {@link #OTHER}: indexed, never interpreted, forwarded byte for byte.
 */
public enum SipHeader {
    VIA("Via", 'v', true),
    FROM("From", 'f', false),
    TO("To", 't', false),
    CALL_ID("Call-ID", 'i', false),
    CSEQ("CSeq", (char) 0, false),
    CONTACT("Contact", 'm', true),
    CONTENT_LENGTH("Content-Length", 'l', false),
    CONTENT_TYPE("Content-Type", 'c', false),
    MAX_FORWARDS("Max-Forwards", (char) 0, false),
    ROUTE("Route", (char) 0, true),
    RECORD_ROUTE("Record-Route", (char) 0, true),
    REQUIRE("Require", (char) 0, true),
    PROXY_REQUIRE("Proxy-Require", (char) 0, true),
    SUPPORTED("Supported", 'k', true),
    P_ASSERTED_IDENTITY("P-Asserted-Identity", (char) 0, true),
    REMOTE_PARTY_ID("Remote-Party-ID", (char) 0, true),
    PRIVACY("Privacy", (char) 0, false),
    REASON("Reason", (char) 0, true),
    OTHER("", (char) 0, false);

    private static final SipHeader[] KNOWN = values();
    /** Known full names by length: identify() compares a line's name with one or two candidates. */
    private static final SipHeader[][] BY_LENGTH = byLength();
    /** Known compact forms by lower-case letter. */
    private static final SipHeader[] BY_COMPACT = byCompact();

    private final String canonicalName;
    private final byte[] nameBytes;
    private final byte[] lowerName;
    private final byte compact;
    private final boolean commaSeparated;

    SipHeader(String canonicalName, char compact, boolean commaSeparated) {
        this.canonicalName = canonicalName;
        this.nameBytes = canonicalName.getBytes(StandardCharsets.US_ASCII);
        this.lowerName = canonicalName.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        this.compact = (byte) Character.toLowerCase(compact);
        this.commaSeparated = commaSeparated;
    }

    /** The name as RFC 3261 spells it; what the proxy writes. */
    public String canonicalName() {
        return canonicalName;
    }

    /** True where a line may hold several values separated by commas (RFC 3261 §7.3.1). */
    public boolean commaSeparated() {
        return commaSeparated;
    }

    /** Identifies the header whose name is {@code length} bytes at {@code offset}, ignoring case. */
    static SipHeader identify(byte[] bytes, int offset, int length) {
        if (length == 1) {
            byte c = lower(bytes[offset]);
            return c >= 'a' && c <= 'z' ? BY_COMPACT[c - 'a'] : OTHER;
        }
        if (length >= BY_LENGTH.length) {
            return OTHER;
        }
        byte first = lower(bytes[offset]);
        for (SipHeader h : BY_LENGTH[length]) {
            if (h.lowerName[0] == first && equalsIgnoreCase(h.lowerName, bytes, offset)) {
                return h;
            }
        }
        return OTHER;
    }

    private static SipHeader[][] byLength() {
        int longest = 0;
        for (SipHeader h : KNOWN) {
            longest = Math.max(longest, h.nameBytes.length);
        }
        SipHeader[][] table = new SipHeader[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            final int n = length;
            table[length] = java.util.Arrays.stream(KNOWN).filter(h -> h != OTHER && h.nameBytes.length == n)
                    .toArray(SipHeader[]::new);
        }
        return table;
    }

    private static SipHeader[] byCompact() {
        SipHeader[] table = new SipHeader[26];
        java.util.Arrays.fill(table, OTHER);
        for (SipHeader h : KNOWN) {
            if (h.compact != 0) {
                table[h.compact - 'a'] = h;
            }
        }
        return table;
    }

    /**
     * {@code lowerName} holds letters and '-' only, and {@code bytes} token characters, so OR-ing
     * 0x20 folds case exactly: no other token character maps onto a letter or onto '-'.
     */
    private static boolean equalsIgnoreCase(byte[] lowerName, byte[] bytes, int offset) {
        for (int i = 0; i < lowerName.length; i++) {
            if (lowerName[i] != (bytes[offset + i] | 0x20)) {
                return false;
            }
        }
        return true;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }
}
