package org.trunkguard.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trunkguard.admin.AdminActions;
import org.trunkguard.admin.AdminServer;
import org.trunkguard.admin.ProxyMetrics;
import org.trunkguard.auth.CallerIdSettings;
import org.trunkguard.auth.NumberAuthority;
import org.trunkguard.behaviour.BehaviourGuard;
import org.trunkguard.behaviour.ConsentList;
import org.trunkguard.behaviour.DetectionListener;
import org.trunkguard.behaviour.DoNotCallList;
import org.trunkguard.behaviour.ListFileException;
import org.trunkguard.config.ConfigException;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.config.ProxyConfigLoader;
import org.trunkguard.numbers.InvalidFileException;
import org.trunkguard.proxy.BehaviourJudge;
import org.trunkguard.proxy.CallEvent;
import org.trunkguard.proxy.CallJudge;
import org.trunkguard.proxy.CallerIdJudge;
import org.trunkguard.proxy.ProxyHooks;
import org.trunkguard.proxy.TraceRecorder;
import org.trunkguard.proxy.TrunkguardProxy;
import org.trunkguard.trace.TraceWriter;

/**
 * One trunkguard network element: the proxy with caller-ID rules, behaviour detectors and trace
 * records, assembled from one configuration. Reload swaps trunks and data files without a
 * restart and keeps the running state when anything is invalid.
 */
public final class TrunkguardNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrunkguardNode.class);
    /** Enough for a person to follow an incident; the trace records keep every decision. */
    private static final int DECISIONS_LOGGED_PER_SECOND = 20;

    private volatile ProxyConfig config;
    private final NumberAuthority authority;
    private final BehaviourJudge behaviour;
    private final DetectionListener detections;
    private final Clock clock;
    private final TraceWriter trace;
    private final CallerIdJudge callerId;
    private final TrunkguardProxy proxy;
    private final ProxyMetrics metrics;
    private final AdminServer admin;
    private volatile long segmentRows;
    private volatile double segmentsLoadedAt;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trunkguard-housekeeping");
        t.setDaemon(true);
        return t;
    });

    private TrunkguardNode(ProxyConfig config, NumberAuthority authority, BehaviourGuard guard, TraceWriter trace,
                           ProxyMetrics metrics, NodeObservers observers, Clock clock, DetectionListener detections) {
        this.config = config;
        this.authority = authority;
        this.trace = trace;
        this.metrics = metrics;
        this.callerId = new CallerIdJudge(authority.screen());
        this.behaviour = new BehaviourJudge(guard);
        this.detections = detections;
        this.clock = clock;
        ProxyHooks timings = new ProxyHooks() {
            @Override
            public void decided(long nanos) {
                metrics.recordDecisionNanos(nanos);
                observers.hooks().decided(nanos);
            }

            @Override
            public void forwarded(long nanos) {
                metrics.recordForwardNanos(nanos);
                observers.hooks().forwarded(nanos);
            }
        };
        TraceRecorder recorder = new TraceRecorder(trace, timings);
        DecisionLog decisions = new DecisionLog(DECISIONS_LOGGED_PER_SECOND);
        CallEvent.Listener events = event -> {
            decisions.onCallEvent(event);
            behaviour.onCallEvent(event);
            recorder.onCallEvent(event);
            metrics.onCallEvent(event);
            observers.events().onCallEvent(event);
        };
        this.proxy = new TrunkguardProxy(config, CallJudge.chain(callerId, behaviour), events, recorder, clock);
        this.admin = new AdminServer(new InetSocketAddress(config.admin().host(), config.admin().port()), metrics,
                new AdminActions(() -> true, () -> behaviour.guard().penaltyBox(), this::reload), Clock.systemUTC());
        config.trunks().forEach(t -> metrics.registerTrunk(t.id()));
        segmentsLoaded(authority);
        trace.scheduleOn(housekeeping);
    }

    private void startServing() throws InterruptedException, IOException {
        proxy.start();
        metrics.bindCounters(proxy.counters());
        metrics.bindInProgress(proxy::transactionsInProgress, proxy::callsInProgress);
        metrics.bindPenaltyBoxSize(() -> behaviour.guard().penaltyBox().list().size());
        metrics.bindSegments(() -> segmentRows, () -> segmentsLoadedAt);
        admin.start();
    }

    private void segmentsLoaded(NumberAuthority loaded) {
        var outcome = loaded.lastReload().segments();
        if (outcome != null) {
            segmentRows = outcome.rows();
            segmentsLoadedAt = System.currentTimeMillis() / 1000.0;
        }
    }

    /** Loads every file the configuration names, then starts the proxy; nothing starts if anything is invalid. */
    public static TrunkguardNode start(ProxyConfig config, NodeObservers observers) throws StartException {
        return start(config, observers, Clock.systemUTC());
    }

    /** As {@link #start(ProxyConfig, NodeObservers)}, with the clock of the call life cycle (tests). */
    public static TrunkguardNode start(ProxyConfig config, NodeObservers observers, Clock clock) throws StartException {
        NumberAuthority authority;
        try {
            authority = NumberAuthority.load(config.callerId());
        } catch (InvalidFileException e) {
            throw new StartException(e.getMessage());
        }
        TraceWriter trace = null;
        ProxyMetrics metrics = new ProxyMetrics();
        TrunkguardNode node = null;
        try {
            DetectionListener detections = (detection, verdict) -> {
                metrics.detection(detection);
                observers.detections().onDetection(detection, verdict);
            };
            BehaviourGuard guard = new BehaviourGuard(config.behaviour(), clock, detections);
            guard.replaceLists(doNotCall(config), consent(config));
            trace = TraceWriter.open(config.trace(), clock);
            node = new TrunkguardNode(config, authority, guard, trace, metrics, observers, clock, detections);
            node.startServing();
            return node;
        } catch (ListFileException e) {
            authority.close();
            throw new StartException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            abandon(node, authority, trace, metrics);
            throw new StartException("cannot start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(node, authority, trace, metrics);
            throw new StartException("interrupted while starting");
        }
    }

    /**
     * Re-reads the configuration file and every data file. Returns null when applied, otherwise
     * the reason it was refused; a refused reload changes nothing. Blocking: call it off the
     * event loops (the SIGHUP handler and the admin endpoint do).
     */
    public synchronized String reload() {
        String refused = applyReload();
        metrics.configReload(refused == null);
        return refused;
    }

    private String applyReload() {
        ProxyConfig next;
        try {
            ProxyConfig read = ProxyConfigLoader.load(config.file());
            // Restart-only settings keep their running values: listen addresses, trace, segment store folder.
            CallerIdSettings c = read.callerId();
            next = read.withCallerId(new CallerIdSettings(c.numberPlanFile(), c.segmentsFile(),
                    config.callerId().segmentStoreDirectory(), c.roamingExemptFile(), c.blocklistFile(), c.allowlistFile(),
                    c.ruleActions())).withTrace(config.trace());
        } catch (ConfigException e) {
            LOG.warn("reload refused: {}", e.getMessage());
            return e.getMessage();
        }
        DoNotCallList doNotCall;
        ConsentList consent;
        try {
            doNotCall = doNotCall(next);
            consent = consent(next);
        } catch (ListFileException e) {
            LOG.warn("reload refused: {}", e.getMessage());
            return e.getMessage();
        }
        var result = authority.reload(next.callerId());
        if (!result.applied()) {
            String problems = result.problems().toString();
            LOG.warn("reload refused: {}", problems);
            return problems;
        }
        segmentsLoaded(authority);
        if (!next.behaviour().equals(config.behaviour())) {
            BehaviourGuard renewed = new BehaviourGuard(next.behaviour(), clock, detections, behaviour.guard());
            renewed.replaceLists(doNotCall, consent);
            behaviour.replace(renewed);
            LOG.info("behaviour settings changed: detectors with unchanged windows keep counting, penalties kept");
        } else {
            behaviour.guard().replaceLists(doNotCall, consent);
        }
        next.trunks().forEach(t -> metrics.registerTrunk(t.id()));
        // The one swap of the trunks: each trunk carries its caller-ID profile and contract, so a
        // call sees either the old table or the new one, never a trunk without its terms.
        proxy.replaceTrunks(next.trunks());
        config = next;
        LOG.info("reloaded {}: {} trunks", next.file(), next.trunks().size());
        return null;
    }

    /** Re-reads the file at {@code config.file()} only to validate it (check-config). */
    public static ProxyConfig check(java.nio.file.Path file) throws ConfigException {
        return ProxyConfigLoader.load(file);
    }

    public TrunkguardProxy proxy() {
        return proxy;
    }

    public BehaviourGuard guard() {
        return behaviour.guard();
    }

    public NumberAuthority authority() {
        return authority;
    }

    public ProxyConfig config() {
        return config;
    }

    private static DoNotCallList doNotCall(ProxyConfig c) throws ListFileException {
        return c.doNotCallFile() == null ? DoNotCallList.EMPTY : DoNotCallList.load(c.doNotCallFile());
    }

    private static ConsentList consent(ProxyConfig c) throws ListFileException {
        return c.consentFile() == null ? ConsentList.EMPTY : ConsentList.load(c.consentFile());
    }

    private static void abandon(TrunkguardNode node, NumberAuthority authority, TraceWriter trace, ProxyMetrics metrics) {
        if (node != null) {
            node.close();
            return;
        }
        authority.close();
        closeQuietly(trace);
        metrics.close();
    }

    private static void closeQuietly(TraceWriter w) {
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                LOG.warn("closing trace: {}", e.toString());
            }
        }
    }

    public ProxyMetrics metrics() {
        return metrics;
    }

    /** Where the admin endpoint listens (its port may have been chosen by the system). */
    public InetSocketAddress adminAddress() {
        return admin.boundAddress();
    }

    @Override
    public void close() {
        admin.close();
        proxy.close();
        metrics.close();
        housekeeping.shutdownNow();
        closeQuietly(trace);
        authority.close();
    }

    /** Why the node did not start; the message names the file and line where one is at fault. */
    public static final class StartException extends Exception {
        private static final long serialVersionUID = 1L;

        public StartException(String message) {
            super(message);
        }
    }

    /** Where the node reports: call events, hook timings, detections (metrics attach here). */
    public record NodeObservers(CallEvent.Listener events, ProxyHooks hooks, DetectionListener detections) {
        public static final NodeObservers NONE = new NodeObservers(e -> { }, ProxyHooks.NONE, (d, v) -> { });
    }
}
