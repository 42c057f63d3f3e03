package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.config.ProxyConfigLoader;
import org.trunkguard.node.TrunkguardNode;

/** The admin endpoint of a running node: metrics move as calls are accepted and rejected; reload and health answer. */
class MetricsIT {
    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();

    private String get(String base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void metricsCountAcceptedAndRejectedCalls() throws Exception {
        try (TrunkguardNode node = TrunkguardNode.start(ProxyConfigLoader.load(ConfCopy.make(root)),
                TrunkguardNode.NodeObservers.NONE);
             RawCore core = new RawCore();
             RawCaller caller = new RawCaller("127.0.0.10", 5080)) {
            String base = "http://127.0.0.1:" + node.adminAddress().getPort();
            String accepted = "trunkguard_calls_total{rule=\"allow\",trunk=\"demo-callcenter\",verdict=\"allow\"}";
            String rejected = "trunkguard_calls_total{rule=\"segment-ownership\",trunk=\"demo-callcenter\",verdict=\"reject\"}";
            double acceptedBefore = value(get(base, "/metrics"), accepted);
            double rejectedBefore = value(get(base, "/metrics"), rejected);
            for (int i = 0; i < 3; i++) {
                caller.invite("m-ok-" + i, "0105555000" + i, "1390000000" + i);
            }
            caller.invite("m-bad", "13812345678", "13900000009");
            assertTrue(Await.until(() -> caller.finals.size() == 4, 5000), caller.finals.toString());
            String scrape = get(base, "/metrics");
            assertEquals(acceptedBefore + 3, value(scrape, accepted), scrape);
            assertEquals(rejectedBefore + 1, value(scrape, rejected), scrape);
            assertTrue(scrape.contains("trunkguard_decision_seconds_count"), "decision latency histogram");
            assertTrue(get(base, "/health").contains("\"ok\""));
            assertEquals("[]", get(base, "/penalty-box").trim());
            HttpResponse<String> reload = http.send(HttpRequest.newBuilder(URI.create(base + "/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reload.statusCode(), reload.body());
            assertTrue(value(get(base, "/metrics"), "trunkguard_config_reloads_total{result=\"applied\"}") >= 1);
        }
    }
}
