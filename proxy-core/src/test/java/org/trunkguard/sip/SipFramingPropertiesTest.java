package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The eight-bytes-at-a-time {@link SipFraming#indexOf} finds exactly what a byte loop finds. Inputs
 * come from a {@link SplittableRandom} with a fixed seed; a failure names the seed, the try and the
 * input.
 */
class SipFramingPropertiesTest {
    /** Byte values at the edges of the range and of the SWAR arithmetic (0x80 sets the high bit). */
    private static final byte[] EDGE_BYTES = {0, 1, -1, Byte.MIN_VALUE, Byte.MIN_VALUE + 1, Byte.MAX_VALUE - 1,
        Byte.MAX_VALUE, '\n'};

    @Test
    void indexOfMatchesAByteLoop() {
        long seed = 5118;
        SplittableRandom random = new SplittableRandom(seed);
        for (int attempt = 1; attempt <= 3000; attempt++) {
            byte[] bytes = bytes(random, 0, 80);
            int from = intUpTo(random, 80);
            int to = intUpTo(random, 80);
            // A quarter of the tries look for a byte that is there: hits in every lane, not only misses.
            boolean present = bytes.length > 0 && random.nextInt(4) == 0;
            byte value = present ? bytes[random.nextInt(bytes.length)] : anyByte(random);
            int lo = Math.min(from, bytes.length);
            int hi = Math.max(lo, Math.min(to, bytes.length));
            int expected = -1;
            for (int i = lo; i < hi; i++) {
                if (bytes[i] == value) {
                    expected = i;
                    break;
                }
            }
            String input = "seed " + seed + ", try " + attempt + ": bytes " + Arrays.toString(bytes) + ", from " + from
                    + ", to " + to + ", value " + value;
            assertEquals(expected, SipFraming.indexOf(bytes, lo, hi, value), input);
        }
    }

    @Test
    void indexOfFindsLineFeedsAmongHighBytes() {
        long seed = 3261;
        SplittableRandom random = new SplittableRandom(seed);
        for (int attempt = 1; attempt <= 500; attempt++) {
            byte[] bytes = bytes(random, 1, 64);
            int at = intUpTo(random, 63);
            String input = "seed " + seed + ", try " + attempt + ": bytes " + Arrays.toString(bytes) + ", at " + at;
            int position = at % bytes.length;
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (bytes[i] == '\n' ? 0x8A : bytes[i] | 0x80);
            }
            bytes[position] = '\n';
            assertEquals(position, SipFraming.indexOf(bytes, 0, bytes.length, (byte) '\n'), input);
        }
    }

    /** A byte array with a length in [min, max], lengths and contents biased towards their edges. */
    private static byte[] bytes(SplittableRandom random, int min, int max) {
        byte[] bytes = new byte[edgeBiased(random, min, max)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = anyByte(random);
        }
        return bytes;
    }

    private static int intUpTo(SplittableRandom random, int max) {
        return edgeBiased(random, 0, max);
    }

    /** Uniform in [min, max], except that one draw in ten is min, min + 1, max - 1 or max. */
    private static int edgeBiased(SplittableRandom random, int min, int max) {
        if (random.nextInt(10) == 0) {
            int[] edges = {min, Math.min(min + 1, max), Math.max(max - 1, min), max};
            return edges[random.nextInt(edges.length)];
        }
        return random.nextInt(min, max + 1);
    }

    private static byte anyByte(SplittableRandom random) {
        return random.nextInt(10) == 0 ? EDGE_BYTES[random.nextInt(EDGE_BYTES.length)] : (byte) random.nextInt(256);
    }
}
