package org.trunkguard.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** conf/grafana-dashboard.json and conf/trunkguard.service: valid, and built on documented metrics. */
class PackagingTest {
    private static final Pattern METRIC = Pattern.compile("trunkguard_[a-z_]+");
    private static final List<String> HISTOGRAM_SERIES = List.of("_bucket", "_count", "_sum");

    @Test
    void dashboardIsValidJsonWithPanelsThatAllQuery() {
        Map<?, ?> dashboard = (Map<?, ?>) MiniJson.parse(ProjectFiles.read("conf/grafana-dashboard.json"));
        assertEquals("trunkguard", dashboard.get("title"));
        List<?> panels = (List<?>) dashboard.get("panels");
        assertTrue(panels.size() >= 8, "panels: " + panels.size());
        for (Object item : panels) {
            Map<?, ?> panel = (Map<?, ?>) item;
            List<?> targets = (List<?>) panel.get("targets");
            assertTrue(targets != null && !targets.isEmpty(), "panel without a query: " + panel.get("title"));
            for (Object target : targets) {
                assertTrue(((Map<?, ?>) target).get("expr") instanceof String, "target without expr in " + panel.get("title"));
            }
        }
    }

    @Test
    void dashboardUsesOnlyDocumentedMetrics() {
        Map<String, String> documented = ProjectFiles.documentedMetrics();
        Set<String> undocumented = new TreeSet<>();
        Matcher m = METRIC.matcher(ProjectFiles.read("conf/grafana-dashboard.json"));
        while (m.find()) {
            if (!isDocumented(m.group(), documented)) {
                undocumented.add(m.group());
            }
        }
        assertEquals(Set.of(), undocumented, "in conf/grafana-dashboard.json but not in docs/METRICS.md");
    }

    @Test
    void dashboardShowsWhatOperationsAskedFor() {
        String json = ProjectFiles.read("conf/grafana-dashboard.json");
        for (String needed : List.of("sum by (verdict) (rate(trunkguard_calls_total", "verdict=~\\\"reject|throttle\\\"",
                "histogram_quantile(0.5, sum by (le) (rate(trunkguard_decision_seconds_bucket",
                "histogram_quantile(0.99, sum by (le) (rate(trunkguard_decision_seconds_bucket",
                "trunkguard_malformed_requests_total", "trunkguard_unknown_sources_total",
                "trunkguard_transactions_in_progress", "trunkguard_calls_in_progress", "trunkguard_penalty_box_size",
                "jvm_memory_used_bytes{area=\\\"heap\\\"}")) {
            assertTrue(json.contains(needed), "dashboard lacks " + needed);
        }
    }

    @Test
    void theJsonCheckRejectsBrokenJson() {
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\": [1, 2,]}"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\": 01}"));
        assertEquals(Map.of("a", List.of(1.0, "x\n")), MiniJson.parse("{\"a\": [1, \"x\\n\"]}"));
    }

    @Test
    void serviceUnitRunsTheProxyAsItsOwnUserAndExplainsEveryLine() {
        String unit = ProjectFiles.read("conf/trunkguard.service");
        List<String> lines = List.of(unit.split("\n"));
        List<String> unexplained = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            boolean directive = !line.isEmpty() && !line.startsWith("#") && !line.startsWith("[");
            if (directive && (i == 0 || !lines.get(i - 1).trim().startsWith("#"))) {
                unexplained.add(line);
            }
        }
        assertEquals(List.of(), unexplained, "directives without a comment line above them");
        for (String needed : List.of(
                "ExecStart=/opt/trunkguard/bin/trunkguard run --config /opt/trunkguard/conf/trunkguard.yaml",
                "User=trunkguard", "Restart=on-failure", "ExecReload=/bin/kill -HUP $MAINPID", "LimitNOFILE=",
                "[Unit]", "[Service]", "[Install]")) {
            if (lines.stream().noneMatch(l -> l.startsWith(needed))) {
                fail("conf/trunkguard.service lacks " + needed);
            }
        }
    }

    /** A documented name, or a histogram's _bucket/_count/_sum series. */
    private static boolean isDocumented(String name, Map<String, String> documented) {
        if (documented.containsKey(name)) {
            return true;
        }
        for (String suffix : HISTOGRAM_SERIES) {
            if (name.endsWith(suffix)) {
                String family = name.substring(0, name.length() - suffix.length());
                if ("histogram".equals(documented.get(family))) {
                    return true;
                }
            }
        }
        return false;
    }
}
