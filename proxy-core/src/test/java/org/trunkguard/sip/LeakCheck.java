package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reports a leaked ByteBuf while it ran. Surefire runs with
 * paranoid leak detection, which tracks every buffer an allocator hands out but only logs a
 * leak; this extension listens to the ByteBuf detector and turns the report into a failure.
 * A leak is noticed when its buffer has been collected, so after the class it collects garbage
 * and allocates a few tracked buffers, which makes the detector drain its queue.
 *
 * <p>Buffers a test wants checked must come from an allocator ({@link #buffer(byte[])}):
 * {@code Unpooled.wrappedBuffer} is not leak-aware.
 */
final class LeakCheck implements AfterAllCallback {
    private static final List<String> LEAKS = new ArrayList<>();

    static {
        try {
            Field field = Class.forName("io.netty.buffer.AbstractByteBuf").getDeclaredField("leakDetector");
            field.setAccessible(true);
            ResourceLeakDetector<?> detector = (ResourceLeakDetector<?>) field.get(null);
            detector.setLeakListener((type, records) -> {
                synchronized (LEAKS) {
                    LEAKS.add(type + " " + records);
                }
            });
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot listen to Netty's ByteBuf leak detector", e);
        }
    }

    /** A leak-tracked copy of {@code bytes}. */
    static ByteBuf buffer(byte[] bytes) {
        return PooledByteBufAllocator.DEFAULT.heapBuffer(bytes.length).writeBytes(bytes);
    }

    /** Collects garbage and lets the detector report; returns and forgets what it reported. */
    static List<String> collectLeaks() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (int i = 0; i < 64; i++) {
                PooledByteBufAllocator.DEFAULT.heapBuffer(16).release();
            }
        }
        synchronized (LEAKS) {
            List<String> leaks = new ArrayList<>(LEAKS);
            LEAKS.clear();
            return leaks;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = collectLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " leaked " + leaks.size() + " buffer(s): " + leaks);
        }
    }
}
