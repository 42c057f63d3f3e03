package org.trunkguard.trace;

/**
 * The on-disk layout of trace files. A file is a sequence of frames, nothing else:
 *
 * <pre>
 * frame   = length:u32  crc:u32  payload[length]        (big-endian; crc = CRC32C of payload)
 * payload = version:u8  type:u8  body
 * DECISION body = time:i64 status:u16 port:u16 addrLen:u8 addr[addrLen]
 *                 trunk callId rawFrom from rawPai pai rawTo to action ruleId reason   (strings)
 * EVENT    body = time:i64 status:u16 kind:u8 callId                                 (string)
 * string  = len:u16 utf8[len]      (len 0xFFFF = absent)
 * </pre>
 *
 * <p>Why this shape: the frame header lets a reader find the first byte a crash left half
 * written (length past the end of file, or a CRC that does not match) and cut the file there;
 * a version byte per record lets one directory hold files from several releases.
 */
final class TraceFormat {

    static final int FRAME_HEADER_BYTES = 8;
    static final int VERSION = 1;
    static final int TYPE_DECISION = 1;
    static final int TYPE_EVENT = 2;

    /** A longer string is cut at a character boundary: a 1 KiB From header is already an attack. */
    static final int MAX_FIELD_BYTES = 1024;
    static final int STRING_FIELDS_PER_DECISION = 11;
    static final int MAX_DECISION_PAYLOAD = 2 + 8 + 2 + 2 + 1 + 16 + STRING_FIELDS_PER_DECISION * (2 + MAX_FIELD_BYTES);
    /** Any frame announcing more than this is damage, not data. */
    static final int MAX_PAYLOAD_BYTES = 16 * 1024;
    static final int MIN_PAYLOAD_BYTES = 2;
    static final int ABSENT = 0xFFFF;

    static final String FILE_PREFIX = "trace-";
    static final String FILE_SUFFIX = ".trc";

    static {
        if (MAX_DECISION_PAYLOAD > MAX_PAYLOAD_BYTES) {
            throw new AssertionError("largest decision does not fit MAX_PAYLOAD_BYTES");
        }
    }

    private TraceFormat() {
    }
}
