package org.trunkguard.load;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * SIP load through the proxy: a raw UDP caller on the demo-callcenter trunk (127.0.0.10) and a raw
 * UDP callee on the core next hop (127.0.0.2:5080). Each call is INVITE → 100 → 180 → 200 → ACK →
 * (hold) → BYE → 200. Bounded in calls and time; stops by itself and exits 1 when more calls failed
 * than {@code --max-failure-pct}.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am package -DskipTests
 * FLAGS=$(sed -n 's/^trunkguard.jvm.flags=//p' conf/jvm.properties)
 * # proxy in this JVM (conf/ defaults), CPU per call from its event-loop threads:
 * java $FLAGS -cp 'bench/target/classes:bench/target/lib/*' org.trunkguard.load.LoadGenerator --in-process --cps 1000 --duration 20
 * # proxy in its own process (bin/trunkguard run), CPU from /proc:
 * java -cp 'bench/target/classes:bench/target/lib/*' org.trunkguard.load.LoadGenerator --proxy-pid $PID --cps 1000 --duration 20
 * </pre>
 */
@Command(name = "load-generator", mixinStandardHelpOptions = true,
        description = "Drives INVITE/ACK/BYE calls through a trunkguard proxy over UDP and reports rate, latency and CPU per call.")
public final class LoadGenerator implements Callable<Integer> {
    private static final int MAX_CALLS = 10_000_000;

    @Option(names = "--cps", description = "Calls started per second (default ${DEFAULT-VALUE}).", defaultValue = "100")
    double cps;
    @Option(names = "--duration", description = "Seconds of sending INVITEs (default ${DEFAULT-VALUE}).", defaultValue = "10")
    double durationSeconds;
    @Option(names = "--calls", description = "At most this many calls (default: cps x duration; at most 10,000,000).")
    Integer calls;
    @Option(names = "--hold-ms", description = "Time between ACK and BYE (default ${DEFAULT-VALUE}).", defaultValue = "0")
    long holdMillis;
    @Option(names = "--drain-seconds", description = "Wait this long after the last INVITE (plus hold) for calls to end (default ${DEFAULT-VALUE}).",
            defaultValue = "5")
    double drainSeconds;
    @Option(names = "--warmup-seconds", description = "A first, unreported phase at the same rate, for the JIT (default ${DEFAULT-VALUE}).",
            defaultValue = "0")
    double warmupSeconds;
    @Option(names = "--proxy", description = "Proxy UDP address (default ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1:5060",
            converter = SocketAddresses.class)
    InetSocketAddress proxy;
    @Option(names = "--caller", description = "Caller (UAC) address: a trunk source (default ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.10:5070", converter = SocketAddresses.class)
    InetSocketAddress caller;
    @Option(names = "--callee", description = "Callee (UAS) address: the core next hop (default ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.2:5080", converter = SocketAddresses.class)
    InetSocketAddress callee;
    @Option(names = "--first-caller", description = "First calling number, national, without the trunk prefix 0 (default ${DEFAULT-VALUE}).",
            defaultValue = "1055550000")
    long firstCaller;
    @Option(names = "--callers", description = "Calling numbers used in turn from --first-caller (default ${DEFAULT-VALUE}).",
            defaultValue = "10000")
    int callers;
    @Option(names = "--socket-buffer-bytes", description = "SO_RCVBUF/SO_SNDBUF of both peers (default ${DEFAULT-VALUE}).",
            defaultValue = "4194304")
    int socketBufferBytes;
    @Option(names = "--in-process", description = "Start the proxy in this JVM on --config, as 'trunkguard run' does.")
    boolean inProcess;
    @Option(names = "--config", description = "Proxy configuration for --in-process (default ${DEFAULT-VALUE}).",
            defaultValue = "conf/trunkguard.yaml")
    Path config;
    @Option(names = "--proxy-pid", description = "PID of an external proxy process, to read its CPU from /proc.")
    Long proxyPid;
    @Option(names = "--max-failure-pct", description = "Exit 1 when more calls than this failed (default ${DEFAULT-VALUE}).",
            defaultValue = "0.1")
    double maxFailurePercent;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("load-generator: " + e.getMessage());
                    return 2;
                })
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        validate();
        InProcessProxy inProcessProxy = inProcess ? InProcessProxy.start(config) : null;
        try {
            ProxyCpu cpu = inProcess ? ProxyCpu.inProcess() : proxyPid != null ? ProxyCpu.external(proxyPid) : noProxyCpu();
            String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
            if (warmupSeconds > 0) {
                System.err.printf("warm-up: %.0f cps for %.0f s%n", cps, warmupSeconds);
                LoadResult warm = new LoadRun(plan(warmupSeconds, Integer.MAX_VALUE), cpu, System.err).run(run + "w");
                System.err.printf("warm-up: %,d of %,d calls completed%n", warm.completed(), warm.attempted());
            }
            System.out.printf("load: %.0f cps for %.0f s (at most %,d calls), hold %d ms, proxy %s%s%n", cps, durationSeconds,
                    plan(durationSeconds, calls()).calls(), holdMillis, proxy, inProcess ? " (in this JVM)" : "");
            LoadResult result = new LoadRun(plan(durationSeconds, calls()), cpu, System.err).run(run);
            LoadReport.print(result, System.out);
            return 100 * result.failureRatio() > maxFailurePercent ? 1 : 0;
        } finally {
            if (inProcessProxy != null) {
                inProcessProxy.close();
            }
        }
    }

    private int calls() {
        return calls == null ? MAX_CALLS : calls;
    }

    private LoadPlan plan(double seconds, int maxCalls) {
        return new LoadPlan(cps, (long) (seconds * 1e9), Math.min(maxCalls, MAX_CALLS), TimeUnit.MILLISECONDS.toNanos(holdMillis),
                (long) (drainSeconds * 1e9), caller, proxy, callee, socketBufferBytes, firstCaller, callers);
    }

    private void validate() {
        require(cps > 0 && cps <= 1_000_000, "--cps must be in (0, 1000000], got " + cps);
        require(durationSeconds > 0 && durationSeconds <= 3600, "--duration must be in (0, 3600] seconds, got " + durationSeconds);
        require(calls == null || (calls > 0 && calls <= MAX_CALLS), "--calls must be 1..10000000, got " + calls);
        require(cps * durationSeconds <= MAX_CALLS || calls != null, "--cps x --duration exceeds 10,000,000 calls; bound it with --calls");
        require(holdMillis >= 0 && holdMillis <= 3_600_000, "--hold-ms must be 0..3600000, got " + holdMillis);
        require(drainSeconds >= 0 && drainSeconds <= 600, "--drain-seconds must be 0..600, got " + drainSeconds);
        require(warmupSeconds >= 0 && warmupSeconds <= 600, "--warmup-seconds must be 0..600, got " + warmupSeconds);
        require(callers > 0, "--callers must be positive, got " + callers);
        require(!(inProcess && proxyPid != null), "--in-process and --proxy-pid exclude each other");
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Neither in this JVM nor a PID given: the proxy's CPU is unknown, and reported as zero. */
    private static ProxyCpu noProxyCpu() {
        return new ProxyCpu() {
            @Override
            public long eventLoopNanos() {
                return 0;
            }

            @Override
            public long processNanos() {
                return -1;
            }
        };
    }
}
