package org.trunkguard.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every call of a run in one slot per index: its state and the four timestamps the report needs.
 * Slots are written by the pacer (INVITE and delayed BYE sent) and by the caller's receiver
 * (responses); the atomic arrays make each write visible to the other thread and to the report.
 * Arrays rather than a map: a run is bounded, and a slot costs no allocation per call.
 */
final class CallBook {
    static final int IDLE = 0;
    static final int INVITING = 1;
    static final int ANSWERED = 2;
    static final int BYE_SENT = 3;
    static final int COMPLETED = 4;
    static final int FAILED = 5;

    private final AtomicIntegerArray state;
    private final AtomicLongArray inviteSent;
    private final AtomicLongArray answered;
    private final AtomicLongArray byeSent;
    private final AtomicLongArray byeAnswered;
    /** The BYE of an answered call, waiting for its hold time to pass. */
    private final AtomicReferenceArray<byte[]> pendingBye;
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retransmitted2xx = new LongAdder();
    private final Map<Integer, LongAdder> failureStatuses = new ConcurrentHashMap<>();

    CallBook(int calls) {
        state = new AtomicIntegerArray(calls);
        inviteSent = new AtomicLongArray(calls);
        answered = new AtomicLongArray(calls);
        byeSent = new AtomicLongArray(calls);
        byeAnswered = new AtomicLongArray(calls);
        pendingBye = new AtomicReferenceArray<>(calls);
    }

    int capacity() {
        return state.length();
    }

    int state(int call) {
        return state.get(call);
    }

    void inviteSent(int call, long nanos) {
        inviteSent.set(call, nanos);
        state.set(call, INVITING);
    }

    /** Records the first 2xx to the INVITE; false for a retransmitted one (its ACK is sent again). */
    boolean answered(int call, long nanos, byte[] bye) {
        if (!state.compareAndSet(call, INVITING, ANSWERED)) {
            retransmitted2xx.increment();
            return false;
        }
        answered.set(call, nanos);
        pendingBye.set(call, bye);
        return true;
    }

    /** Hands the waiting BYE to whoever sends it, once. */
    byte[] takeBye(int call) {
        return pendingBye.getAndSet(call, null);
    }

    long answeredAt(int call) {
        return answered.get(call);
    }

    void byeSent(int call, long nanos) {
        byeSent.set(call, nanos);
        state.compareAndSet(call, ANSWERED, BYE_SENT);
    }

    void byeAnswered(int call, long nanos) {
        if (state.compareAndSet(call, BYE_SENT, COMPLETED)) {
            byeAnswered.set(call, nanos);
            completed.increment();
        }
    }

    /** A final failure response (to the INVITE or the BYE); counted once per call. */
    void failed(int call, int status) {
        int s = state.get(call);
        if (s != COMPLETED && s != FAILED && state.compareAndSet(call, s, FAILED)) {
            pendingBye.set(call, null);
            failed.increment();
            failureStatuses.computeIfAbsent(status, k -> new LongAdder()).increment();
        }
    }

    long completed() {
        return completed.sum();
    }

    long failed() {
        return failed.sum();
    }

    long retransmitted2xx() {
        return retransmitted2xx.sum();
    }

    /** Failure responses by status code, in code order. */
    Map<Integer, Long> failureStatuses() {
        Map<Integer, Long> sorted = new TreeMap<>();
        failureStatuses.forEach((code, count) -> sorted.put(code, count.sum()));
        return sorted;
    }

    /** INVITE→200 latencies of the answered calls, in nanoseconds, unsorted. */
    long[] inviteLatencies(int attempted) {
        return latencies(attempted, inviteSent, answered);
    }

    /** BYE→200 latencies of the completed calls, in nanoseconds, unsorted. */
    long[] byeLatencies(int attempted) {
        return latencies(attempted, byeSent, byeAnswered);
    }

    private static long[] latencies(int attempted, AtomicLongArray from, AtomicLongArray to) {
        long[] out = new long[attempted];
        int n = 0;
        for (int i = 0; i < attempted; i++) {
            long end = to.get(i);
            if (end != 0) {
                out[n++] = end - from.get(i);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
