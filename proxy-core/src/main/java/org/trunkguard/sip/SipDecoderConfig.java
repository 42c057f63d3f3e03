package org.trunkguard.sip;

/**
 * Limits of the SIP decoders. Defaults:
 * <table>
 * <caption>decoder limits</caption>
 * <tr><th>limit</th><th>default</th><th>why</th></tr>
 * <tr><td>maxMessageBytes</td><td>{@value #DEFAULT_MAX_MESSAGE_BYTES}</td><td>RFC 4475's longest
 * valid message is 3.5 KB; carrier INVITEs with SDP stay under 8 KB; 64 KiB bounds a TCP buffer</td></tr>
 * <tr><td>maxHeaderLines</td><td>{@value #DEFAULT_MAX_HEADER_LINES}</td><td>far above any real
 * message, low enough that a flood of tiny headers cannot cost much</td></tr>
 * </table>
 */
public record SipDecoderConfig(int maxMessageBytes, int maxHeaderLines) {
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 65_535;
    public static final int DEFAULT_MAX_HEADER_LINES = 256;
    public static final SipDecoderConfig DEFAULT =
            new SipDecoderConfig(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_HEADER_LINES);

    public SipDecoderConfig {
        if (maxMessageBytes < 4096 || maxMessageBytes > 1 << 20) {
            throw new IllegalArgumentException("maxMessageBytes must be 4096..1048576, got " + maxMessageBytes);
        }
        if (maxHeaderLines < 16 || maxHeaderLines > 4096) {
            throw new IllegalArgumentException("maxHeaderLines must be 16..4096, got " + maxHeaderLines);
        }
    }
}
