package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlotTableTest {

    @Test
    void keysKeepTheirRecordsThroughGrowth() {
        SlotTable table = new SlotTable(1, 1, 1_000_000, 60_000);
        for (long key = 1; key <= 20_000; key++) {
            SlotStripe stripe = table.stripe(key);
            synchronized (stripe) {
                int slot = stripe.claim(key, 1_000);
                stripe.ints[stripe.intBase(slot)] = (int) key * 3;
                stripe.longs[stripe.longBase(slot)] = key;
            }
        }
        for (long key = 1; key <= 20_000; key++) {
            SlotStripe stripe = table.stripe(key);
            synchronized (stripe) {
                int slot = stripe.find(key, 2_000);
                assertTrue(slot >= 0, "key " + key);
                assertEquals((int) key * 3, stripe.ints[stripe.intBase(slot)]);
                assertEquals(key, stripe.longs[stripe.longBase(slot)]);
            }
        }
        assertEquals(20_000, table.size());
    }

    @Test
    void expiredRecordsStartFromZero() {
        SlotTable table = new SlotTable(0, 1, 1_000, 60_000);
        SlotStripe stripe = table.stripe(42);
        synchronized (stripe) {
            stripe.ints[stripe.intBase(stripe.claim(42, 1_000))] = 7;
            assertEquals(-1, stripe.find(42, 61_001));
            assertEquals(0, stripe.ints[stripe.intBase(stripe.claim(42, 61_001))]);
        }
    }

    @Test
    void aFullTableEvictsTheQuietestAndKeepsEveryOtherRecordFindable() {
        long max = 64 * 50;
        SlotTable table = new SlotTable(0, 1, max, Long.MAX_VALUE / 4);
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            long key = 1 + random.nextInt(20_000);
            SlotStripe stripe = table.stripe(key);
            synchronized (stripe) {
                int slot = stripe.claim(key, i);
                stripe.ints[stripe.intBase(slot)]++;
            }
            expected.merge(key, 1, Integer::sum);
        }
        assertTrue(table.size() <= max, "size " + table.size());
        int held = 0;
        for (Map.Entry<Long, Integer> entry : expected.entrySet()) {
            SlotStripe stripe = table.stripe(entry.getKey());
            synchronized (stripe) {
                int slot = stripe.find(entry.getKey(), 50_000);
                if (slot >= 0) {
                    held++;
                    // A held record counts only calls since it was last admitted, never more.
                    assertTrue(stripe.ints[stripe.intBase(slot)] <= entry.getValue());
                }
            }
        }
        assertEquals(table.size(), held);
    }
}
