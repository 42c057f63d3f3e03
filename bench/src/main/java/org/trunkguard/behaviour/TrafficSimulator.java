package org.trunkguard.behaviour;

import org.trunkguard.time.ManualClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.trunkguard.verdict.Verdict;

/**
 * A deterministic traffic simulator: legitimate subscribers and call-centre agents mixed with
 * every abuse pattern, each call labelled, run through a {@link BehaviourGuard} on a simulated
 * clock (seeded random, no sockets, no sleeping). Prints recall per abuse pattern, precision per
 * detector family and the false-positive rate on legitimate calls.
 *
 * <p>Run: {@code java -cp "bench/target/classes:bench/target/lib/*" org.trunkguard.behaviour.TrafficSimulator [seed] [subscribers]}
 */
public final class TrafficSimulator {

    /** Tuesday 2026-11-24 09:00 China time. */
    private static final long START = Instant.parse("2026-11-24T01:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;

    private static final int ATTEMPT = 0;
    private static final int RING = 1;
    private static final int ANSWER = 2;
    private static final int FINISH = 3;

    private record Event(long at, long sequence, int type, TrafficSource source, CallPlan plan, CallAttempt call)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final Random random;
    private final ManualClock clock = new ManualClock(START);
    private final BehaviourGuard guard;
    private final SimulationTally tally = new SimulationTally();
    private long sequence;
    private long callIds;

    TrafficSimulator(long seed, BehaviourSettings settings) {
        random = new Random(seed);
        guard = new BehaviourGuard(settings, clock, DetectionListener.NONE);
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        int subscribers = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        long started = System.nanoTime();
        TrafficSimulator simulator = new TrafficSimulator(seed, BehaviourSettings.DEFAULTS);
        simulator.populate(subscribers, 2 * HOUR);
        long events = simulator.run();
        System.out.printf("seed %d, %d subscribers, 2 h simulated, %d events in %.1f s%n%n", seed, subscribers, events,
                (System.nanoTime() - started) / 1e9);
        simulator.tally.print(System.out);
    }

    void populate(int subscribers, long duration) {
        long stop = START + duration;
        List<TrafficSource> sources = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            sources.add(new LegitimateSources.Subscriber(random, START, stop));
        }
        for (int centre = 0; centre < 50; centre++) {
            String number = "95" + (500 + centre);
            for (int agent = 0; agent < 30; agent++) {
                sources.add(new LegitimateSources.Agent(number, "centre-" + centre, START, stop));
            }
        }
        for (int i = 0; i < 100; i++) {
            sources.add(new AbusiveSources.RingOnce(random, campaignStart(duration), stop));
        }
        for (int victim = 0; victim < 30; victim++) {
            String number = "188" + (10_000_000 + victim * 7_919);
            long start = campaignStart(duration);
            for (int bomber = 0; bomber < 3; bomber++) {
                sources.add(new AbusiveSources.Bomber(random, number, start, start + HOUR / 2));
            }
        }
        for (int i = 0; i < 60; i++) {
            long start = campaignStart(duration);
            sources.add(new AbusiveSources.GroupDialer(random, i % 3 == 0, start, start + HOUR / 2));
        }
        for (TrafficSource source : sources) {
            schedule(source.startMillis + TrafficSource.exponential(random, source.sequential() ? 1_800_000 : 5_000),
                    ATTEMPT, source, null, null);
        }
    }

    private long campaignStart(long duration) {
        return START + (long) (random.nextDouble() * duration / 2);
    }

    long run() {
        long events = 0;
        Event event;
        while ((event = queue.poll()) != null) {
            events++;
            clock.set(event.at);
            switch (event.type) {
                case ATTEMPT -> attempt(event.source, event.at);
                case RING -> guard.on(event.call.event(CallEvent.Kind.RINGING, event.at));
                case ANSWER -> guard.on(event.call.event(CallEvent.Kind.ANSWERED, event.at));
                default -> guard.on(event.call.event(finishKind(event.plan), event.at));
            }
        }
        return events;
    }

    private static CallEvent.Kind finishKind(CallPlan plan) {
        return plan.answered() ? CallEvent.Kind.ENDED : plan.cancelled() ? CallEvent.Kind.CANCELLED : CallEvent.Kind.FAILED;
    }

    private void attempt(TrafficSource source, long at) {
        if (at >= source.stopMillis) {
            return;
        }
        CallPlan plan = source.next(random);
        CallAttempt call = new CallAttempt("sim-" + callIds++, at, plan.trunk(), null, plan.caller(), plan.callee(), null);
        Verdict verdict = guard.judge(call);
        tally.count(plan.label(), verdict);
        long ends = at + plan.endAfterMillis() + (plan.answered() ? plan.talkMillis() : 0);
        if (!verdict.blocksCall()) {
            if (plan.ringAfterMillis() >= 0 && plan.ringAfterMillis() < plan.endAfterMillis()) {
                schedule(at + plan.ringAfterMillis(), RING, source, plan, call);
            }
            if (plan.answered()) {
                schedule(at + plan.endAfterMillis(), ANSWER, source, plan, call);
            }
            schedule(ends, FINISH, source, plan, call);
        }
        long next = (source.sequential() ? (verdict.blocksCall() ? at : ends) : at) + source.gapMillis(random);
        schedule(next, ATTEMPT, source, null, null);
    }

    private void schedule(long at, int type, TrafficSource source, CallPlan plan, CallAttempt call) {
        queue.add(new Event(at, sequence++, type, source, plan, call));
    }

    SimulationTally tally() {
        return tally;
    }
}
