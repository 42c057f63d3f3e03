package org.trunkguard.behaviour;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

/** Counts verdicts against labels and prints precision, recall and the false-positive rate. */
final class SimulationTally {

    private final Map<TrafficLabel, long[]> byLabel = new EnumMap<>(TrafficLabel.class);
    /** Per detector family: [flagged calls, of which of that family's abuse, of which legitimate]. */
    private final Map<String, long[]> byFamily = new TreeMap<>();
    private final Map<String, Long> legitimateByRule = new TreeMap<>();
    private long legitimateBlocked;

    void count(TrafficLabel label, Verdict verdict) {
        long[] labelCounts = byLabel.computeIfAbsent(label, l -> new long[2]);
        labelCounts[0]++;
        if (verdict.action() == Action.ALLOW) {
            return;
        }
        labelCounts[1]++;
        String family = TrafficLabel.familyOf(verdict.ruleId());
        long[] familyCounts = byFamily.computeIfAbsent(family, f -> new long[3]);
        familyCounts[0]++;
        if (family.equals(label.family)) {
            familyCounts[1]++;
        }
        if (label == TrafficLabel.LEGITIMATE) {
            familyCounts[2]++;
            legitimateByRule.merge(verdict.ruleId() + " " + verdict.action(), 1L, Long::sum);
            if (verdict.blocksCall()) {
                legitimateBlocked++;
            }
        }
    }

    long[] label(TrafficLabel label) {
        return byLabel.getOrDefault(label, new long[2]);
    }

    void print(PrintStream out) {
        out.println("| label | calls | flagged (any rule) | recall |");
        out.println("|---|---:|---:|---:|");
        for (Map.Entry<TrafficLabel, long[]> entry : byLabel.entrySet()) {
            long[] c = entry.getValue();
            out.printf("| %s | %d | %d | %.4f |%n", entry.getKey(), c[0], c[1], c[0] == 0 ? 0.0 : (double) c[1] / c[0]);
        }
        out.println();
        out.println("| detector family | flagged calls | of its own abuse | legitimate | precision |");
        out.println("|---|---:|---:|---:|---:|");
        for (Map.Entry<String, long[]> entry : byFamily.entrySet()) {
            long[] c = entry.getValue();
            out.printf("| %s | %d | %d | %d | %.4f |%n", entry.getKey(), c[0], c[1], c[2], (double) c[1] / c[0]);
        }
        long[] legit = label(TrafficLabel.LEGITIMATE);
        out.println();
        out.printf("legitimate calls flagged (marked or blocked): %d of %d = %.2e (blocked: %d)%n",
                legit[1], legit[0], legit[0] == 0 ? 0.0 : (double) legit[1] / legit[0], legitimateBlocked);
        out.println("legitimate calls flagged by rule and action: " + legitimateByRule);
    }
}
