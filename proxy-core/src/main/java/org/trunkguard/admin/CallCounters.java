package org.trunkguard.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.trunkguard.proxy.CallEvent;
import org.trunkguard.verdict.Action;

/**
 * The per-call counters: attempts by trunk, verdict and rule, and life-cycle outcomes by trunk.
 *
 * <p>Design: counting runs on the event loops for every call, so it must not allocate. Tag
 * values are looked up, never built: a map per trunk id, then an array slot per action (or
 * event type), then a map per rule id. {@link String#hashCode()} is cached in the string, so
 * a hit is two or three hash lookups and a {@code DoubleAdder} increment. A new trunk or rule
 * registers its counters once; the sets are small and fixed by the configuration and the
 * rule ids, so the maps stay bounded.
 */
final class CallCounters {
    private static final Action[] ACTIONS = Action.values();
    private static final CallEvent.Type[] TYPES = CallEvent.Type.values();

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, TrunkCounters> trunks = new ConcurrentHashMap<>();

    CallCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers a trunk's outcome counters now, so they scrape as 0 before its first call. */
    void register(String trunk) {
        countersOf(trunk);
    }

    void attempt(String trunk, Action action, String rule) {
        countersOf(trunk).attempt(action, rule).increment();
    }

    void outcome(String trunk, CallEvent.Type type) {
        Counter counter = countersOf(trunk).outcomes[type.ordinal()];
        if (counter != null) {
            counter.increment();
        }
    }

    private TrunkCounters countersOf(String trunk) {
        TrunkCounters counters = trunks.get(trunk);
        return counters != null ? counters : trunks.computeIfAbsent(trunk, t -> new TrunkCounters(registry, t));
    }

    private static String tagValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** One trunk's counters; ATTEMPT has no outcome counter (attempts are counted by verdict). */
    private static final class TrunkCounters {
        private final MeterRegistry registry;
        private final String trunk;
        private final Counter[] outcomes = new Counter[TYPES.length];
        private final ByRule[] attempts = new ByRule[ACTIONS.length];

        TrunkCounters(MeterRegistry registry, String trunk) {
            this.registry = registry;
            this.trunk = trunk;
            for (CallEvent.Type type : TYPES) {
                if (type != CallEvent.Type.ATTEMPT) {
                    outcomes[type.ordinal()] = Counter.builder(MetricNames.CALL_OUTCOMES)
                            .description("Call life-cycle outcomes by trunk")
                            .tag(MetricNames.TAG_TRUNK, trunk).tag(MetricNames.TAG_OUTCOME, tagValue(type))
                            .register(registry);
                }
            }
            for (Action action : ACTIONS) {
                attempts[action.ordinal()] = new ByRule();
            }
        }

        Counter attempt(Action action, String rule) {
            ByRule byRule = attempts[action.ordinal()];
            Counter counter = byRule.get(rule);
            return counter != null ? counter : byRule.computeIfAbsent(rule, r -> Counter.builder(MetricNames.CALLS)
                    .description("INVITEs judged, by trunk, verdict and deciding rule")
                    .tag(MetricNames.TAG_TRUNK, trunk).tag(MetricNames.TAG_VERDICT, tagValue(action))
                    .tag(MetricNames.TAG_RULE, r)
                    .register(registry));
        }
    }

    /** Counters of one trunk and action, by rule id. */
    private static final class ByRule extends ConcurrentHashMap<String, Counter> {
    }
}
