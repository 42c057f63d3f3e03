package org.trunkguard.load;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One phase: a pacer thread sends INVITEs on a fixed schedule (call i at start + i/cps, so a slow
 * moment is caught up rather than shifting the rest: the offered rate stays the asked rate) and the
 * held BYEs; the caller's and the callee's receive threads answer; this thread waits for the calls
 * to finish or the drain time to pass, printing a progress line a second.
 */
final class LoadRun {
    /** The pacer's longest nap: short enough to keep 10,000 cps on schedule, long enough not to spin a core. */
    private static final long MAX_PARK_NANOS = 20_000;
    private static final long PROGRESS_NANOS = 1_000_000_000L;

    private final LoadPlan plan;
    private final ProxyCpu cpu;
    private final PrintStream progress;
    private final AtomicInteger attempted = new AtomicInteger();
    private final LongAdder sendErrors = new LongAdder();
    private volatile boolean invitesDone;
    private volatile boolean stop;
    private volatile long lastInviteAt;

    LoadRun(LoadPlan plan, ProxyCpu cpu, PrintStream progress) {
        this.plan = plan;
        this.cpu = cpu;
        this.progress = progress;
    }

    LoadResult run(String runTag) throws IOException, InterruptedException {
        int calls = plan.calls();
        CallBook book = new CallBook(calls);
        UacMessages messages = new UacMessages(plan.caller().getHostString(), plan.caller().getPort(), runTag,
                plan.firstCaller(), plan.callers());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Callee callee = new Callee(plan.callee(), plan.socketBufferBytes());
                Caller caller = new Caller(plan.caller(), plan.proxy(), plan.socketBufferBytes(), messages, book,
                        plan.holdNanos())) {
            Thread calleeThread = start("load-callee-rx", callee);
            Thread callerThread = start("load-caller-rx", caller::receive);
            long loopsBefore = cpu.eventLoopNanos();
            long allocatedBefore = cpu.eventLoopAllocatedBytes();
            long processBefore = cpu.processNanos();
            long generatorBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            Thread pacer = start("load-pacer", () -> pace(caller, calls, start));
            waitForCalls(book, start);
            stop = true;
            pacer.join();
            long loops = cpu.eventLoopNanos() - loopsBefore;
            long allocated = allocatedBefore < 0 ? -1 : cpu.eventLoopAllocatedBytes() - allocatedBefore;
            long process = processBefore < 0 ? -1 : cpu.processNanos() - processBefore;
            long generator = os.getProcessCpuTime() - generatorBefore;
            int sent = attempted.get();
            double sendSeconds = sent == 0 ? 1e-9 : (lastInviteAt - start + 1e9 / plan.cps()) / 1e9;
            long[] invites = book.inviteLatencies(sent);
            long[] byes = book.byeLatencies(sent);
            Arrays.sort(invites);
            Arrays.sort(byes);
            LoadResult result = new LoadResult(sent, book.completed(), book.failed(), book.failureStatuses(), sendSeconds,
                    loops, process, generator, allocated, invites, byes, caller.strays(), book.retransmitted2xx(), sendErrors.sum());
            caller.close();
            callee.close();
            callerThread.join();
            calleeThread.join();
            return result;
        }
    }

    private void pace(Caller caller, int calls, long start) {
        double interval = 1e9 / plan.cps();
        for (int i = 0; i < calls && !stop; i++) {
            long due = start + (long) (i * interval);
            long now;
            while ((now = System.nanoTime()) < due) {
                sendByes(caller, now);
                LockSupport.parkNanos(Math.min(due - now, MAX_PARK_NANOS));
            }
            sendByes(caller, now);
            try {
                caller.invite(i);
            } catch (IOException e) {
                sendErrors.increment();
            }
            lastInviteAt = now;
            attempted.set(i + 1);
        }
        invitesDone = true;
        while (!stop) {
            sendByes(caller, System.nanoTime());
            LockSupport.parkNanos(MAX_PARK_NANOS * 5);
        }
    }

    private void sendByes(Caller caller, long now) {
        try {
            caller.sendByesDue(now);
        } catch (IOException e) {
            sendErrors.increment();
        }
    }

    private void waitForCalls(CallBook book, long start) throws InterruptedException {
        long nextProgress = start + PROGRESS_NANOS;
        while (true) {
            long now = System.nanoTime();
            boolean allDone = invitesDone && book.completed() + book.failed() >= attempted.get();
            boolean drained = invitesDone && now - lastInviteAt > plan.holdNanos() + plan.drainNanos();
            if (allDone || drained) {
                return;
            }
            if (now >= nextProgress) {
                progress.printf("  t=%3.0fs  attempted %,d  completed %,d  failed %,d%n", (now - start) / 1e9, attempted.get(),
                        book.completed(), book.failed());
                nextProgress += PROGRESS_NANOS;
            }
            Thread.sleep(10);
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
