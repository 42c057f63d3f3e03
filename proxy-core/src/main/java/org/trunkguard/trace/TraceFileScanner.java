package org.trunkguard.trace;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Walks the frames of one trace file in order and checks each one's length and CRC. It stops at
 * the end of the file or at the first frame that is not whole and intact; {@link #stop()} then
 * says which, and {@link #validBytes()} where the intact part ends. Both the start-up repair and
 * the query use it, so they agree on what counts as a record.
 */
final class TraceFileScanner implements Closeable {

    /** Why the scan stopped. */
    enum Stop {
        /** Every byte belongs to an intact frame. */
        END_OF_FILE,
        /** Fewer bytes than a frame header are left: a write cut short. */
        TORN_HEADER,
        /** The length field is impossible (zero, or larger than any record). */
        BAD_LENGTH,
        /** The frame runs past the end of the file: a write cut short. */
        TORN_PAYLOAD,
        /** The payload does not match its CRC32C. */
        BAD_CHECKSUM;

        String describe() {
            return switch (this) {
                case END_OF_FILE -> "end of file";
                case TORN_HEADER -> "incomplete frame header";
                case BAD_LENGTH -> "impossible record length";
                case TORN_PAYLOAD -> "record cut short";
                case BAD_CHECKSUM -> "checksum mismatch";
            };
        }
    }

    private static final int WINDOW_BYTES = 1 << 20;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
    private final CRC32C crc = new CRC32C();
    private long windowStart;
    private long offset;
    private Stop stop;

    TraceFileScanner(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
        window.limit(0);
    }

    /**
     * The next intact payload (positioned at its first byte, valid until the next call), or null
     * when the scan stopped; see {@link #stop()}.
     */
    ByteBuffer next() throws IOException {
        if (stop != null) {
            return null;
        }
        long remaining = size - offset;
        if (remaining == 0) {
            return stopWith(Stop.END_OF_FILE);
        }
        if (remaining < TraceFormat.FRAME_HEADER_BYTES) {
            return stopWith(Stop.TORN_HEADER);
        }
        fill(TraceFormat.FRAME_HEADER_BYTES);
        int at = (int) (offset - windowStart);
        int length = window.getInt(at);
        int expectedCrc = window.getInt(at + 4);
        if (length < TraceFormat.MIN_PAYLOAD_BYTES || length > TraceFormat.MAX_PAYLOAD_BYTES) {
            return stopWith(Stop.BAD_LENGTH);
        }
        if (remaining < TraceFormat.FRAME_HEADER_BYTES + (long) length) {
            return stopWith(Stop.TORN_PAYLOAD);
        }
        fill(TraceFormat.FRAME_HEADER_BYTES + length);
        at = (int) (offset - windowStart);
        ByteBuffer payload = window.duplicate();
        payload.limit(at + TraceFormat.FRAME_HEADER_BYTES + length).position(at + TraceFormat.FRAME_HEADER_BYTES);
        crc.reset();
        crc.update(payload.duplicate());
        if ((int) crc.getValue() != expectedCrc) {
            return stopWith(Stop.BAD_CHECKSUM);
        }
        offset += TraceFormat.FRAME_HEADER_BYTES + length;
        return payload;
    }

    /** Why the scan stopped, or null while it has not. */
    Stop stop() {
        return stop;
    }

    /** Bytes from the start of the file up to the end of the last intact frame read so far. */
    long validBytes() {
        return offset;
    }

    long size() {
        return size;
    }

    private ByteBuffer stopWith(Stop reason) {
        stop = reason;
        return null;
    }

    /** Makes sure the window holds {@code bytes} bytes from {@link #offset}. */
    private void fill(int bytes) throws IOException {
        if (offset + bytes <= windowStart + window.limit()) {
            return;
        }
        window.clear();
        windowStart = offset;
        long position = offset;
        while (window.hasRemaining() && position < size) {
            int read = channel.read(window, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
        window.flip();
        if (window.limit() < bytes) {
            throw new IOException("file shrank while being read: expected " + bytes + " bytes at offset " + offset);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
