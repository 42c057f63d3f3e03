package org.trunkguard.proxy.transaction;

import java.util.function.LongSupplier;

/**
 * The transaction timers of one event loop (RFC 3261 §17: A–M), as a hashed wheel.
 *
 * <p>Design note. A SIP transaction starts two or three timers and nearly always stops them
 * before they fire: Timer A and B die at the first 100 Trying, most lingering timers (D, J, K,
 * L, M) only ever fire. On Netty's scheduled-task queue each start and stop was a priority-heap
 * insertion or removal with a task object, about 7 % of the proxy's Java samples. Here a timer
 * is a node that its transaction owns and reuses: starting it links the node into the slot of
 * its tick, stopping it unlinks it, both O(1) with no allocation, and a tick visits only its own
 * slot. {@value #SLOTS} slots of {@value #TICK_MILLIS} ms turn once in about 41 s, longer than
 * every RFC timer but Timer C (181 s), so nearly every timer is visited once, when it is due.
 *
 * <p>Owned by one event loop: not thread-safe. Accuracy is one tick late at most, far inside
 * what RFC 3261 asks (T1 is 500 ms).
 */
public final class TimerWheel {
    public static final int TICK_MILLIS = 10;
    static final int SLOTS = 4096;
    private static final int MASK = SLOTS - 1;

    private final Timer[] slots = new Timer[SLOTS];
    private final LongSupplier millis;
    private long currentTick;
    private int pending;

    /** {@code millis} is a monotonic clock in milliseconds (tests move one by hand). */
    public TimerWheel(LongSupplier millis) {
        this.millis = millis;
        this.currentTick = millis.getAsLong() / TICK_MILLIS;
    }

    /** Starts (or restarts) {@code timer} to fire {@code delayMillis} from now. */
    public void start(Timer timer, long delayMillis) {
        stop(timer);
        long due = (millis.getAsLong() + Math.max(0, delayMillis) + TICK_MILLIS - 1) / TICK_MILLIS;
        timer.dueTick = Math.max(due, currentTick + 1);
        int slot = (int) (timer.dueTick & MASK);
        timer.slot = slot;
        timer.next = slots[slot];
        if (timer.next != null) {
            timer.next.previous = timer;
        }
        slots[slot] = timer;
        pending++;
    }

    /** Stops {@code timer}; nothing happens when it is not running. */
    public void stop(Timer timer) {
        timer.firing = false;
        if (timer.slot < 0) {
            return;
        }
        if (timer.previous != null) {
            timer.previous.next = timer.next;
        } else {
            slots[timer.slot] = timer.next;
        }
        if (timer.next != null) {
            timer.next.previous = timer.previous;
        }
        timer.previous = null;
        timer.next = null;
        timer.slot = -1;
        pending--;
    }

    /**
     * Fires every timer due by now, in tick order. Due timers of a slot are unlinked first and
     * fired after, so a timer callback may start or stop any timer, itself included.
     */
    public void advance() {
        long nowTick = millis.getAsLong() / TICK_MILLIS;
        while (currentTick < nowTick) {
            currentTick++;
            fireDue((int) (currentTick & MASK));
        }
    }

    private void fireDue(int slot) {
        Timer due = null;
        for (Timer t = slots[slot]; t != null; ) {
            Timer next = t.next;
            if (t.dueTick <= currentTick) {
                stop(t);
                t.firing = true;
                t.nextDue = due;
                due = t;
            }
            t = next;
        }
        while (due != null) {
            Timer t = due;
            due = t.nextDue;
            t.nextDue = null;
            if (t.firing) { // not stopped or restarted by an earlier callback of this tick
                t.firing = false;
                t.owner.onTimer(t);
            }
        }
    }

    /** Timers running, for tests and metrics. */
    public int pending() {
        return pending;
    }

    /** What a timer calls when it fires. */
    public interface Owner {
        void onTimer(Timer timer);
    }

    /** One named timer of a transaction, reused for every start. */
    public static final class Timer {
        final Owner owner;
        final String name;
        Timer previous;
        Timer next;
        Timer nextDue;
        long dueTick;
        int slot = -1;
        boolean firing;

        public Timer(Owner owner, String name) {
            this.owner = owner;
            this.name = name;
        }

        public boolean running() {
            return slot >= 0;
        }

        @Override
        public String toString() {
            return "Timer " + name;
        }
    }
}
