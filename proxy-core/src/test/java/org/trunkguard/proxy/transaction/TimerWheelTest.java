package org.trunkguard.proxy.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hashed wheel of 10 ms ticks that runs the RFC 3261 §17 timers. */
class TimerWheelTest {
    private long now = 5_000;
    private final TimerWheel wheel = new TimerWheel(() -> now);
    private final List<String> fired = new ArrayList<>();

    private TimerWheel.Timer recording(String name) {
        return new TimerWheel.Timer(t -> fired.add(name + "@" + now), name);
    }

    private void runTo(long millis) {
        while (now < millis) {
            now += 1;
            wheel.advance();
        }
    }

    @Test
    void firesAtItsTickAndNotBefore() {
        TimerWheel.Timer a = recording("A");
        wheel.start(a, 500);
        runTo(5_499);
        assertTrue(fired.isEmpty(), "not before its time");
        assertTrue(a.running());
        runTo(5_500);
        assertEquals(List.of("A@5500"), fired);
        assertFalse(a.running());
        runTo(60_000);
        assertEquals(1, fired.size(), "fires once");
    }

    @Test
    void aDelayBetweenTicksRoundsUpToTheNextTick() {
        wheel.start(recording("A"), 501);
        runTo(5_509);
        assertTrue(fired.isEmpty());
        runTo(5_510);
        assertEquals(List.of("A@5510"), fired);
    }

    @Test
    void stopPreventsFiring() {
        TimerWheel.Timer a = recording("A");
        wheel.start(a, 100);
        wheel.stop(a);
        wheel.stop(a); // stopping a stopped timer does nothing
        runTo(10_000);
        assertTrue(fired.isEmpty());
        assertEquals(0, wheel.pending());
    }

    @Test
    void restartMovesTheTimer() {
        TimerWheel.Timer a = recording("A");
        wheel.start(a, 100);
        wheel.start(a, 300);
        assertEquals(1, wheel.pending());
        runTo(5_200);
        assertTrue(fired.isEmpty());
        runTo(5_300);
        assertEquals(List.of("A@5300"), fired);
    }

    @Test
    void aCallbackMayRestartItsOwnTimer() {
        TimerWheel.Timer[] self = new TimerWheel.Timer[1];
        self[0] = new TimerWheel.Timer(t -> {
            fired.add("A@" + now);
            if (fired.size() < 3) {
                wheel.start(t, 200);
            }
        }, "A");
        wheel.start(self[0], 200);
        runTo(7_000);
        assertEquals(List.of("A@5200", "A@5400", "A@5600"), fired);
        assertEquals(0, wheel.pending());
    }

    @Test
    void aCallbackStoppingAnotherTimerDueInTheSameTickPreventsIt() {
        TimerWheel.Timer[] pair = new TimerWheel.Timer[2];
        pair[0] = new TimerWheel.Timer(t -> {
            fired.add("A@" + now);
            wheel.stop(pair[1]);
        }, "A");
        pair[1] = new TimerWheel.Timer(t -> {
            fired.add("B@" + now);
            wheel.stop(pair[0]);
        }, "B");
        wheel.start(pair[0], 100);
        wheel.start(pair[1], 100);
        runTo(6_000);
        assertEquals(1, fired.size(), "whichever fires first stops the other: " + fired);
        assertTrue(fired.get(0).endsWith("@5100"));
        assertEquals(0, wheel.pending());
    }

    @Test
    void aCallbackRestartingAnotherTimerDueInTheSameTickDefersIt() {
        TimerWheel.Timer b = recording("B");
        TimerWheel.Timer a = new TimerWheel.Timer(t -> {
            fired.add("A@" + now);
            if (!fired.contains("B@5100")) {
                wheel.start(b, 50);
            }
        }, "A");
        wheel.start(a, 100);
        wheel.start(b, 100);
        runTo(6_000);
        // either B fired first (then A leaves it alone), or A moved it to 5150
        assertEquals(1, fired.stream().filter(s -> s.startsWith("B@")).count(), fired.toString());
        assertEquals(0, wheel.pending());
    }

    @Test
    void longTimersBeyondOneTurnFireOnceAtTheirTime() {
        long turn = (long) TimerWheel.SLOTS * TimerWheel.TICK_MILLIS; // ~41 s
        wheel.start(recording("C"), ClientInviteTransaction.TIMER_C_MILLIS);
        wheel.start(recording("X"), turn); // lands in the slot of the current tick
        wheel.start(recording("Y"), turn + 10);
        runTo(5_000 + turn - 1);
        assertTrue(fired.isEmpty(), "nothing fires a turn early");
        runTo(5_000 + turn + 10);
        assertEquals(List.of("X@" + (5_000 + turn), "Y@" + (5_010 + turn)), fired);
        runTo(5_000 + ClientInviteTransaction.TIMER_C_MILLIS - 1);
        assertEquals(2, fired.size(), "Timer C is passed over four times before it is due");
        runTo(5_000 + ClientInviteTransaction.TIMER_C_MILLIS + 60_000);
        assertEquals(List.of("X@" + (5_000 + turn), "Y@" + (5_010 + turn), "C@186000"), fired);
    }

    @Test
    void aClockJumpFiresEveryTimerDueInTickOrder() {
        wheel.start(recording("B"), 2_000);
        wheel.start(recording("A"), 1_000);
        now = 20_000;
        wheel.advance();
        assertEquals(List.of("A@20000", "B@20000"), fired);
    }

    @Test
    void pendingCountsRunningTimers() {
        TimerWheel.Timer a = recording("A");
        TimerWheel.Timer b = recording("B");
        assertEquals(0, wheel.pending());
        wheel.start(a, 100);
        wheel.start(b, 200);
        wheel.start(b, 300);
        assertEquals(2, wheel.pending());
        runTo(5_100);
        assertEquals(1, wheel.pending());
        wheel.stop(b);
        assertEquals(0, wheel.pending());
    }
}
