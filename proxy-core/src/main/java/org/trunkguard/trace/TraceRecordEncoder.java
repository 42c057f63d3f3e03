package org.trunkguard.trace;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Builds one framed record (length, CRC32C, payload) in a reused buffer. CRC32C, because the JIT
 * turns it into a hardware instruction on x86 and ARM.
 *
 * <p>Heap or direct buffer: byte-by-byte UTF-8 encoding into a heap buffer is plain array stores,
 * while {@code FileChannel.write} then copies the frame once into a direct buffer it caches per
 * thread (no allocation). {@code TraceWriterBenchmark.encodeHeap/encodeDirect} measures both;
 * see bench/RESULTS.md for the figures behind the default.
 *
 * <p>One encoder per writing thread: the encoding happens outside the writer's lock, so the
 * critical section is only the {@code write} system call.
 */
final class TraceRecordEncoder {

    private static final int FRAME_CAPACITY = TraceFormat.FRAME_HEADER_BYTES + TraceFormat.MAX_PAYLOAD_BYTES;
    /**
     * {@code Inet4Address.hashCode()} is the address as an int in OpenJDK, which spares the
     * {@code getAddress()} array per call; checked once here, with the array as the fallback.
     */
    private static final boolean IPV4_HASH_IS_ADDRESS = ipv4HashIsAddress();

    private final ByteBuffer buffer;
    private final CRC32C crc = new CRC32C();

    TraceRecordEncoder() {
        this(false);
    }

    TraceRecordEncoder(boolean direct) {
        this.buffer = direct ? ByteBuffer.allocateDirect(FRAME_CAPACITY) : ByteBuffer.allocate(FRAME_CAPACITY);
    }

    /** Encodes a DECISION frame; the returned buffer is ready to write, valid until the next call. */
    ByteBuffer decision(CallDecision decision) {
        startPayload(TraceFormat.TYPE_DECISION);
        buffer.putLong(decision.timeMillis);
        buffer.putShort((short) decision.responseStatus);
        buffer.putShort((short) decision.sourcePort);
        InetAddress source = decision.sourceAddress;
        if (source == null) {
            buffer.put((byte) 0);
        } else if (IPV4_HASH_IS_ADDRESS && source instanceof Inet4Address) {
            buffer.put((byte) 4).putInt(source.hashCode());
        } else {
            byte[] address = source.getAddress();
            buffer.put((byte) address.length).put(address);
        }
        Utf8Field.write(buffer, decision.trunkId);
        Utf8Field.write(buffer, decision.callId);
        Utf8Field.write(buffer, decision.rawFrom);
        Utf8Field.write(buffer, decision.from);
        Utf8Field.write(buffer, decision.rawAssertedIdentity);
        Utf8Field.write(buffer, decision.assertedIdentity);
        Utf8Field.write(buffer, decision.rawTo);
        Utf8Field.write(buffer, decision.to);
        Utf8Field.write(buffer, decision.action);
        Utf8Field.write(buffer, decision.ruleId);
        Utf8Field.write(buffer, decision.reason);
        return finishFrame();
    }

    /** Encodes an EVENT frame; the returned buffer is ready to write, valid until the next call. */
    ByteBuffer event(CharSequence callId, CallEvent event, long timeMillis, int status) {
        startPayload(TraceFormat.TYPE_EVENT);
        buffer.putLong(timeMillis);
        buffer.putShort((short) status);
        buffer.put((byte) event.code());
        Utf8Field.write(buffer, callId);
        return finishFrame();
    }

    private void startPayload(int type) {
        buffer.clear();
        buffer.position(TraceFormat.FRAME_HEADER_BYTES);
        buffer.put((byte) TraceFormat.VERSION).put((byte) type);
    }

    private ByteBuffer finishFrame() {
        int end = buffer.position();
        buffer.flip().position(TraceFormat.FRAME_HEADER_BYTES);
        crc.reset();
        crc.update(buffer);
        buffer.putInt(0, end - TraceFormat.FRAME_HEADER_BYTES);
        buffer.putInt(4, (int) crc.getValue());
        buffer.position(0).limit(end);
        return buffer;
    }

    private static boolean ipv4HashIsAddress() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) 201}).hashCode() == 0xC00002C9;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
