package org.trunkguard.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One call attempt as a query shows it: its DECISION joined with the EVENT records of the same
 * Call-ID, in the order they were written, and the times derived from them.
 */
public final class CallTrace {

    private final TraceRecord.Decision decision;
    private final List<TraceRecord.Event> events = new ArrayList<>(4);

    CallTrace(TraceRecord.Decision decision) {
        this.decision = decision;
    }

    void add(TraceRecord.Event event) {
        events.add(event);
    }

    public TraceRecord.Decision decision() {
        return decision;
    }

    public List<TraceRecord.Event> events() {
        return Collections.unmodifiableList(events);
    }

    /** When the callee's phone started ringing, epoch ms; -1 if it never did. */
    public long ringingAt() {
        TraceRecord.Event event = first(CallEvent.RINGING);
        return event == null ? -1 : event.timeMillis();
    }

    /** When the call was answered, epoch ms; -1 if it never was. */
    public long answeredAt() {
        TraceRecord.Event event = first(CallEvent.ANSWERED);
        return event == null ? -1 : event.timeMillis();
    }

    /** The event that closed the call (ENDED, CANCELLED or FAILED), or null while it is open. */
    public TraceRecord.Event end() {
        for (TraceRecord.Event event : events) {
            if (event.kind().endsCall()) {
                return event;
            }
        }
        return null;
    }

    /** Talk time in ms from answer to end; -1 unless the call was answered and has ended. */
    public long durationMillis() {
        TraceRecord.Event end = end();
        long answered = answeredAt();
        return end == null || answered < 0 ? -1 : Math.max(0, end.timeMillis() - answered);
    }

    private TraceRecord.Event first(CallEvent kind) {
        for (TraceRecord.Event event : events) {
            if (event.kind() == kind) {
                return event;
            }
        }
        return null;
    }
}
