package org.trunkguard.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trunkguard.behaviour.BehaviourSettings;
import org.trunkguard.behaviour.BombingSettings;
import org.trunkguard.behaviour.CallingHours;
import org.trunkguard.behaviour.GroupCallingSettings;
import org.trunkguard.behaviour.RateCapSettings;
import org.trunkguard.behaviour.RingOnceSettings;
import org.trunkguard.behaviour.RulePolicy;
import org.trunkguard.behaviour.StateLimits;
import org.trunkguard.behaviour.TrunkContract;
import org.trunkguard.verdict.Action;

/**
 * The behaviour section: detector thresholds, the action ladder of each rule, calling hours and
 * state bounds. Every key is optional and defaults to {@link BehaviourSettings#DEFAULTS}; the
 * reasons for the defaults are in conf/trunkguard.yaml and number-auth/BEHAVIOUR.md.
 */
final class BehaviourConfig {
    private static final Set<String> KEYS = Set.of("do-not-call", "consent", "ring-once", "bombing", "group-calling",
            "rate", "calling-hours", "never-block-callees", "state", "policies");

    private BehaviourConfig() {
    }

    static BehaviourSettings read(ConfigNode node) throws ConfigException {
        BehaviourSettings d = BehaviourSettings.DEFAULTS;
        if (node == null) {
            return d;
        }
        node.allowOnly(KEYS);
        try {
            return new BehaviourSettings(ringOnce(node.child("ring-once"), d.ringOnce()),
                    bombing(node.child("bombing"), d.bombing()), groupCalling(node.child("group-calling"), d.groupCalling()),
                    rate(node.child("rate"), d.rateCaps()), callingHours(node.child("calling-hours"), d.callingHours()),
                    node.has("never-block-callees") ? new HashSet<>(node.strings("never-block-callees")) : d.neverBlockCallees(),
                    state(node.child("state"), d.limits()), policies(node.child("policies"), d.policies()));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static RingOnceSettings ringOnce(ConfigNode n, RingOnceSettings d) throws ConfigException {
        if (n == null) {
            return d;
        }
        n.allowOnly(Set.of("window", "max-ring", "warning-count", "critical-count", "min-share"));
        return wrap(n, () -> new RingOnceSettings(n.duration("window", d.window()), n.duration("max-ring", d.maxRing()),
                n.integer("warning-count", d.warningCount(), 1, 1_000_000),
                n.integer("critical-count", d.criticalCount(), 1, 1_000_000), n.decimal("min-share", d.minShare(), 0, 1)));
    }

    private static BombingSettings bombing(ConfigNode n, BombingSettings d) throws ConfigException {
        if (n == null) {
            return d;
        }
        n.allowOnly(Set.of("callee-window", "callee-warning", "callee-critical", "pair-short-window", "pair-short-warning",
                "pair-short-critical", "pair-long-window", "pair-long-warning", "pair-long-critical", "conversation",
                "exempt-callee-prefixes"));
        return wrap(n, () -> new BombingSettings(n.duration("callee-window", d.calleeWindow()),
                n.integer("callee-warning", d.calleeWarning(), 1, 1_000_000),
                n.integer("callee-critical", d.calleeCritical(), 1, 1_000_000),
                n.duration("pair-short-window", d.pairShortWindow()),
                n.integer("pair-short-warning", d.pairShortWarning(), 1, 1_000_000),
                n.integer("pair-short-critical", d.pairShortCritical(), 1, 1_000_000),
                n.duration("pair-long-window", d.pairLongWindow()),
                n.integer("pair-long-warning", d.pairLongWarning(), 1, 1_000_000),
                n.integer("pair-long-critical", d.pairLongCritical(), 1, 1_000_000),
                n.duration("conversation", d.conversation()),
                n.has("exempt-callee-prefixes") ? n.strings("exempt-callee-prefixes") : d.exemptCalleePrefixes()));
    }

    private static GroupCallingSettings groupCalling(ConfigNode n, GroupCallingSettings d) throws ConfigException {
        if (n == null) {
            return d;
        }
        n.allowOnly(Set.of("window", "distinct-warning", "distinct-critical", "min-profile-calls", "min-asr", "short-call",
                "max-short-share", "min-acd", "sweep-warning", "sweep-critical", "sweep-max-step"));
        return wrap(n, () -> new GroupCallingSettings(n.duration("window", d.window()),
                n.integer("distinct-warning", d.distinctWarning(), 1, 1_000_000),
                n.integer("distinct-critical", d.distinctCritical(), 1, 1_000_000),
                n.integer("min-profile-calls", d.minProfileCalls(), 1, 1_000_000), n.decimal("min-asr", d.minAsr(), 0, 1),
                n.duration("short-call", d.shortCall()), n.decimal("max-short-share", d.maxShortShare(), 0, 1),
                n.duration("min-acd", d.minAcd()), n.integer("sweep-warning", d.sweepWarning(), 1, 1_000_000),
                n.integer("sweep-critical", d.sweepCritical(), 1, 1_000_000),
                n.integer("sweep-max-step", d.sweepMaxStep(), 1, 1_000_000)));
    }

    private static RateCapSettings rate(ConfigNode n, RateCapSettings d) throws ConfigException {
        if (n == null) {
            return d;
        }
        n.allowOnly(Set.of("default-trunk", "per-caller"));
        return new RateCapSettings(Map.of(), contract(n.child("default-trunk"), d.defaultTrunk()),
                contract(n.child("per-caller"), d.perCaller()));
    }

    /** calls-per-second (0 = no cap), burst, max-concurrent (0 = no cap). */
    static TrunkContract contract(ConfigNode n, TrunkContract defaultValue) throws ConfigException {
        if (n == null) {
            return defaultValue;
        }
        TrunkContract d = defaultValue == null ? TrunkContract.UNLIMITED : defaultValue;
        n.allowOnly(Set.of("calls-per-second", "burst", "max-concurrent"));
        return wrap(n, () -> new TrunkContract(n.decimal("calls-per-second", d.callsPerSecond(), 0, 1_000_000),
                n.integer("burst", d.burst(), 0, 1_000_000), n.integer("max-concurrent", d.maxConcurrent(), 0, 10_000_000)));
    }

    private static Map<String, CallingHours> callingHours(ConfigNode n, Map<String, CallingHours> d) throws ConfigException {
        if (n == null) {
            return d;
        }
        Map<String, CallingHours> out = new LinkedHashMap<>();
        for (String category : n.keys()) {
            ConfigNode c = n.child(category);
            c.allowOnly(Set.of("zone", "days", "ranges", "holidays", "extra-workdays"));
            ZoneId zone;
            try {
                zone = ZoneId.of(c.requiredString("zone"));
            } catch (java.time.DateTimeException e) {
                throw c.child("zone").error("unknown time zone");
            }
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (ConfigNode day : c.list("days")) {
                days.add(day(day));
            }
            List<CallingHours.Range> ranges = new ArrayList<>();
            for (ConfigNode range : c.list("ranges")) {
                ranges.add(range(range));
            }
            Set<LocalDate> holidays = dates(c.list("holidays"));
            Set<LocalDate> extraWorkdays = dates(c.list("extra-workdays"));
            out.put(category, wrap(c, () -> new CallingHours(zone, days, ranges, holidays, extraWorkdays)));
        }
        return out;
    }

    private static Set<LocalDate> dates(List<ConfigNode> nodes) throws ConfigException {
        Set<LocalDate> out = new java.util.HashSet<>();
        for (ConfigNode n : nodes) {
            try {
                out.add(LocalDate.parse(n.scalar().trim()));
            } catch (DateTimeParseException e) {
                throw n.error("must be a date such as 2026-10-01, got '" + n.scalar() + "'");
            }
        }
        return out;
    }

    private static DayOfWeek day(ConfigNode n) throws ConfigException {
        String text = n.scalar().trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(text) && text.length() >= 3) {
                return d;
            }
        }
        throw n.error("must be a day such as MON or MONDAY, got '" + n.scalar() + "'");
    }

    private static CallingHours.Range range(ConfigNode n) throws ConfigException {
        String[] parts = n.scalar().split("-");
        try {
            return wrap(n, () -> new CallingHours.Range(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim())));
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw n.error("must be a range such as 08:00-12:00, got '" + n.scalar() + "'");
        }
    }

    private static StateLimits state(ConfigNode n, StateLimits d) throws ConfigException {
        if (n == null) {
            return d;
        }
        n.allowOnly(Set.of("max-callers", "max-callees", "max-pairs", "max-tracked-calls", "max-call-duration",
                "max-penalty-entries"));
        return wrap(n, () -> new StateLimits(n.integer("max-callers", (int) d.maxCallers(), 1, Integer.MAX_VALUE),
                n.integer("max-callees", (int) d.maxCallees(), 1, Integer.MAX_VALUE),
                n.integer("max-pairs", (int) d.maxPairs(), 1, Integer.MAX_VALUE),
                n.integer("max-tracked-calls", (int) d.maxTrackedCalls(), 1, Integer.MAX_VALUE),
                n.duration("max-call-duration", d.maxCallDuration()),
                n.integer("max-penalty-entries", (int) d.maxPenaltyEntries(), 1, Integer.MAX_VALUE)));
    }

    private static Map<String, RulePolicy> policies(ConfigNode n, Map<String, RulePolicy> d) throws ConfigException {
        if (n == null) {
            return d;
        }
        n.allowOnly(d.keySet());
        Map<String, RulePolicy> out = new LinkedHashMap<>(d);
        for (String rule : n.keys()) {
            ConfigNode p = n.child(rule);
            p.allowOnly(Set.of("on-warning", "on-critical", "throttle-status", "retry-after", "reject-status", "penalty"));
            RulePolicy base = d.get(rule);
            out.put(rule, wrap(p, () -> new RulePolicy(rule, action(p, "on-warning", base.onWarning()),
                    action(p, "on-critical", base.onCritical()), p.integer("throttle-status", base.throttleStatus(), 400, 699),
                    p.integer("retry-after", base.retryAfterSeconds(), 0, 86_400),
                    p.integer("reject-status", base.rejectStatus(), 400, 699), p.duration("penalty", base.penalty()),
                    base.reason())));
        }
        return out;
    }

    /** report (= ALLOW, counted), mark, throttle or reject. */
    private static Action action(ConfigNode p, String key, Action d) throws ConfigException {
        String text = p.string(key, null);
        if (text == null) {
            return d;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "report" -> Action.ALLOW;
            case "mark" -> Action.MARK;
            case "throttle" -> Action.THROTTLE;
            case "reject" -> Action.REJECT;
            default -> throw p.child(key).error("must be report, mark, throttle or reject, got '" + text + "'");
        };
    }

    /** Runs a constructor whose validation throws IllegalArgumentException, naming the node on failure. */
    private static <T> T wrap(ConfigNode n, Build<T> build) throws ConfigException {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }

    private interface Build<T> {
        T get() throws ConfigException;
    }
}
