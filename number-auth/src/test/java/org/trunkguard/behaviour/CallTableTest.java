package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTableTest {

    private final List<TrackedCall> forgotten = new ArrayList<>();

    private static TrackedCall call(int i, long at) {
        return new TrackedCall(new CallAttempt("call-" + i, at, "t1", null, "1380000" + i, "1390000" + i, null), i, i);
    }

    @Test
    void removedCallsAreGoneAndNobodyIsTold() {
        CallTable table = new CallTable(1_000, 60_000, forgotten::add);
        TrackedCall call = call(1, 1_000);
        table.put(call, 1_000);
        assertSame(call, table.get("call-1", 2_000));
        table.remove("call-1");
        assertNull(table.get("call-1", 3_000));
        assertEquals(0, table.sweep(3_000));
        assertTrue(forgotten.isEmpty());
    }

    @Test
    void callsWithoutEventsAreForgottenOnceAfterTheirIdleTime() {
        CallTable table = new CallTable(1_000, 60_000, forgotten::add);
        for (int i = 0; i < 100; i++) {
            table.put(call(i, 1_000), 1_000);
        }
        table.get("call-7", 50_000);
        assertEquals(100, table.sweep(61_000));
        assertEquals(1, table.sweep(61_001));
        assertEquals(99, forgotten.size());
        assertEquals(0, table.sweep(110_001));
        assertEquals(100, forgotten.size());
        assertNull(table.get("call-7", 110_001));
    }

    @Test
    void aFullTableDropsTheQuietestAndTellsTheGuard() {
        CallTable table = new CallTable(64 * 4, Long.MAX_VALUE / 4, forgotten::add);
        for (int i = 0; i < 2_000; i++) {
            table.put(call(i, i), i);
        }
        long held = table.sweep(2_000);
        assertTrue(held <= 64 * 4, "held " + held);
        assertEquals(2_000, held + forgotten.size());
        assertTrue(table.get("call-1999", 2_000) != null);
    }
}
