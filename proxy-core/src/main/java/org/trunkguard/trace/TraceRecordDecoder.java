package org.trunkguard.trace;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/** Turns a checked payload (its CRC already matched) back into a {@link TraceRecord}. */
final class TraceRecordDecoder {

    private TraceRecordDecoder() {
    }

    /**
     * Decodes one payload.
     *
     * @throws IllegalArgumentException naming what is wrong, for a version or type this release
     *     does not know or a payload whose fields do not add up
     */
    static TraceRecord decode(ByteBuffer payload) {
        try {
            int version = payload.get() & 0xFF;
            if (version != TraceFormat.VERSION) {
                throw new IllegalArgumentException("record format version " + version + " is not known to this release");
            }
            int type = payload.get() & 0xFF;
            switch (type) {
                case TraceFormat.TYPE_DECISION:
                    return decision(payload);
                case TraceFormat.TYPE_EVENT:
                    return event(payload);
                default:
                    throw new IllegalArgumentException("unknown record type " + type);
            }
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("record ends before its last field", e);
        }
    }

    private static TraceRecord.Decision decision(ByteBuffer in) {
        long time = in.getLong();
        int status = in.getShort() & 0xFFFF;
        int port = in.getShort() & 0xFFFF;
        String address = address(in);
        return new TraceRecord.Decision(time, Utf8Field.read(in), address, port, Utf8Field.read(in),
                Utf8Field.read(in), Utf8Field.read(in), Utf8Field.read(in), Utf8Field.read(in),
                Utf8Field.read(in), Utf8Field.read(in), Utf8Field.read(in), Utf8Field.read(in),
                Utf8Field.read(in), status);
    }

    private static TraceRecord.Event event(ByteBuffer in) {
        long time = in.getLong();
        int status = in.getShort() & 0xFFFF;
        int code = in.get() & 0xFF;
        CallEvent kind = CallEvent.ofCode(code);
        if (kind == null) {
            throw new IllegalArgumentException("unknown event code " + code);
        }
        return new TraceRecord.Event(time, Utf8Field.read(in), kind, status);
    }

    private static String address(ByteBuffer in) {
        int length = in.get() & 0xFF;
        if (length == 0) {
            return null;
        }
        if (length != 4 && length != 16) {
            throw new IllegalArgumentException("source address of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("source address of " + length + " bytes", e);
        }
    }
}
