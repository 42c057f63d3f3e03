package org.trunkguard.trace;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Builds one framed record (length, CRC32C, payload) in a reused direct buffer. Direct, because
 * {@code FileChannel.write} copies a heap buffer into a temporary direct one first; CRC32C,
 * because the JIT turns it into a hardware instruction on x86 and ARM.
 *
 * <p>One encoder per writing thread: the encoding happens outside the writer's lock, so the
 * critical section is only the {@code write} system call.
 */
final class TraceRecordEncoder {

    private final ByteBuffer buffer =
            ByteBuffer.allocateDirect(TraceFormat.FRAME_HEADER_BYTES + TraceFormat.MAX_PAYLOAD_BYTES);
    private final CRC32C crc = new CRC32C();

    /** Encodes a DECISION frame; the returned buffer is ready to write, valid until the next call. */
    ByteBuffer decision(CallDecision decision) {
        startPayload(TraceFormat.TYPE_DECISION);
        buffer.putLong(decision.timeMillis);
        buffer.putShort((short) decision.responseStatus);
        buffer.putShort((short) decision.sourcePort);
        if (decision.sourceAddress == null) {
            buffer.put((byte) 0);
        } else {
            byte[] address = decision.sourceAddress.getAddress();
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
}
