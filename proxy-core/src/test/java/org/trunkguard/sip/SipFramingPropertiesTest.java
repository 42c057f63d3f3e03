package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The eight-bytes-at-a-time {@link SipFraming#indexOf} finds exactly what a byte loop finds. */
class SipFramingPropertiesTest {

    @Property(tries = 3000, seed = "5118")
    void indexOfMatchesAByteLoop(@ForAll @Size(max = 80) byte[] bytes, @ForAll @IntRange(max = 80) int from,
                                 @ForAll @IntRange(max = 80) int to, @ForAll byte value) {
        int lo = Math.min(from, bytes.length);
        int hi = Math.max(lo, Math.min(to, bytes.length));
        int expected = -1;
        for (int i = lo; i < hi; i++) {
            if (bytes[i] == value) {
                expected = i;
                break;
            }
        }
        assertEquals(expected, SipFraming.indexOf(bytes, lo, hi, value));
    }

    @Property(tries = 500, seed = "3261")
    void indexOfFindsLineFeedsAmongHighBytes(@ForAll @Size(min = 1, max = 64) byte[] bytes, @ForAll @IntRange(max = 63) int at) {
        int position = at % bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (bytes[i] == '\n' ? 0x8A : bytes[i] | 0x80);
        }
        bytes[position] = '\n';
        assertEquals(position, SipFraming.indexOf(bytes, 0, bytes.length, (byte) '\n'));
    }
}
