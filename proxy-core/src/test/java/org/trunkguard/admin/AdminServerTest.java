package org.trunkguard.admin;

import org.trunkguard.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trunkguard.behaviour.BehaviourGuard;
import org.trunkguard.behaviour.BehaviourSettings;
import org.trunkguard.behaviour.DetectionListener;
import org.trunkguard.behaviour.PenaltyBox;
import org.trunkguard.verdict.Action;

/** Every route over a real loopback socket, with the JDK's own HTTP client as the peer. */
class AdminServerTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T02:00:00Z"));
    private final ProxyMetrics metrics = new ProxyMetrics();
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final BehaviourGuard guard = new BehaviourGuard(BehaviourSettings.DEFAULTS, clock, DetectionListener.NONE);
    private final AtomicReference<PenaltyBox> box = new AtomicReference<>(guard.penaltyBox());
    private final AtomicReference<String> reloadProblem = new AtomicReference<>();
    private final AtomicInteger reloads = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private AdminServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        AdminActions actions = new AdminActions(() -> {
            if (ready.get()) {
                return true;
            }
            if (reloadProblem.get() != null) {
                throw new IllegalStateException("guard\nnot built");
            }
            return false;
        }, box::get, () -> {
            reloads.incrementAndGet();
            String problem = reloadProblem.get();
            if ("throw".equals(problem)) {
                throw new IllegalArgumentException("conf/trunkguard.yaml:12: bad\n  at line 12");
            }
            return problem;
        });
        server = new AdminServer(new InetSocketAddress("127.0.0.1", 0), metrics, actions, clock);
        InetSocketAddress bound = server.start();
        base = "http://127.0.0.1:" + bound.getPort();
    }

    @AfterEach
    void stop() {
        server.stop();
        metrics.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreServedAsPrometheusText() throws Exception {
        metrics.configReload(true);
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("content-type").orElse(""));
        assertEquals(1, new Scrape(response.body()).value("trunkguard_config_reloads_total", "result", "applied"));
    }

    @Test
    void healthSaysOkWithUptimeAnd503WhileNotReady() throws Exception {
        clock.advance(42_500);
        HttpResponse<String> ok = get("/health");
        assertEquals(200, ok.statusCode());
        assertEquals("{\"status\":\"ok\",\"uptimeSeconds\":42}", ok.body());
        assertEquals("application/json; charset=utf-8", ok.headers().firstValue("content-type").orElse(""));

        ready.set(false);
        HttpResponse<String> starting = get("/health");
        assertEquals(503, starting.statusCode());
        assertEquals("{\"status\":\"unavailable\",\"uptimeSeconds\":42}", starting.body());
    }

    @Test
    void penaltyBoxListsBoxedCallersAndLiftTakesOneOut() throws Exception {
        assertEquals("[]", get("/penalty-box").body());
        assertEquals(Action.REJECT, RingOnceCaller.box(guard, clock, "17000000001").action());

        HttpResponse<String> listed = get("/penalty-box");
        assertEquals(200, listed.statusCode());
        assertTrue(listed.body().startsWith("[{\"caller\":\"17000000001\",\"rule\":\"ring-once\",\"action\":\"REJECT\","
                + "\"sipStatus\":603,"), listed.body());

        assertEquals(200, post("/penalty-box/lift?caller=17000000001").statusCode());
        assertEquals("[]", get("/penalty-box").body());
        HttpResponse<String> again = post("/penalty-box/lift?caller=17000000001");
        assertEquals(404, again.statusCode());
        assertEquals("{\"error\":\"17000000001 is not in the penalty box\"}", again.body());
    }

    @Test
    void liftWithoutCallerIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/penalty-box/lift");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("caller=NUMBER"), response.body());
    }

    @Test
    void withoutAGuardTheBoxIsEmptyAndNothingCanBeLifted() throws Exception {
        box.set(null);
        assertEquals("[]", get("/penalty-box").body());
        assertEquals(404, post("/penalty-box/lift?caller=17000000001").statusCode());
    }

    @Test
    void reloadAnswers200WhenAppliedAnd409WithTheReasonWhenRefused() throws Exception {
        HttpResponse<String> applied = post("/reload");
        assertEquals(200, applied.statusCode());
        assertEquals("{\"reloaded\":true}", applied.body());

        reloadProblem.set("conf/segments.csv:7: segment 0105555 overlaps line 3");
        HttpResponse<String> refused = post("/reload");
        assertEquals(409, refused.statusCode());
        assertEquals("{\"error\":\"conf/segments.csv:7: segment 0105555 overlaps line 3\"}", refused.body());
        assertEquals(2, reloads.get());
    }

    @Test
    void aFailingActionIs500WithOneLineAndNoStackTrace() throws Exception {
        reloadProblem.set("throw");
        HttpResponse<String> reload = post("/reload");
        assertEquals(500, reload.statusCode());
        assertEquals("{\"error\":\"IllegalArgumentException: conf/trunkguard.yaml:12: bad at line 12\"}", reload.body());

        ready.set(false);
        HttpResponse<String> health = get("/health");
        assertEquals(500, health.statusCode());
        assertEquals("{\"error\":\"IllegalStateException: guard not built\"}", health.body());
        assertEquals(200, get("/metrics").statusCode(), "the server keeps serving after a failure");
    }

    @Test
    void unknownPathsAre404AndWrongMethods405WithAllow() throws Exception {
        assertEquals(404, get("/").statusCode());
        assertEquals(404, get("/metrics/extra").statusCode());
        HttpResponse<String> postMetrics = post("/metrics");
        assertEquals(405, postMetrics.statusCode());
        assertEquals("GET", postMetrics.headers().firstValue("allow").orElse(""));
        HttpResponse<String> getReload = get("/reload");
        assertEquals(405, getReload.statusCode());
        assertEquals("POST", getReload.headers().firstValue("allow").orElse(""));
        assertEquals(405, get("/penalty-box/lift?caller=1").statusCode());
        assertEquals(0, reloads.get());
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        String body = "x".repeat(AdminServer.MAX_REQUEST_BYTES + 1);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/reload"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(413, response.statusCode());
        assertEquals(0, reloads.get());
    }

    @Test
    void aTakenPortIsAnErrorNamingTheAddress() {
        int port = server.boundAddress().getPort();
        AdminServer second = new AdminServer(new InetSocketAddress("127.0.0.1", port), metrics,
                new AdminActions(() -> true, () -> null, () -> null), clock);
        IOException e = assertThrows(IOException.class, second::start);
        assertTrue(e.getMessage().startsWith("admin endpoint cannot listen on 127.0.0.1:" + port + ": "), e.getMessage());
        assertNull(second.boundAddress());
    }
}
