package org.trunkguard.load;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time the proxy has spent so far, read twice (before and after a run) to get its CPU per call.
 * Two readings: the event-loop threads alone (the per-message work) and, for an external process,
 * the whole process (adding garbage collection, JIT compilation and timers).
 */
interface ProxyCpu {
    /** CPU nanoseconds of the proxy's event-loop threads so far. */
    long eventLoopNanos();

    /** CPU nanoseconds of the whole proxy process so far, or -1 when the proxy shares this JVM. */
    long processNanos();

    /**
     * Heap bytes the proxy's event-loop threads have allocated so far, or -1 where it cannot be
     * read (another process). Unlike CPU time it does not depend on what else the machine runs.
     */
    default long eventLoopAllocatedBytes() {
        return -1;
    }

    /**
     * The proxy in this JVM: its event loops are Netty's {@link FastThreadLocalThread}s (the
     * generator itself uses plain threads), timed with {@link ThreadMXBean}.
     */
    static ProxyCpu inProcess() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return new ProxyCpu() {
            @Override
            public long eventLoopNanos() {
                long sum = 0;
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t instanceof FastThreadLocalThread) {
                        sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
                    }
                }
                return sum;
            }

            @Override
            public long processNanos() {
                return -1;
            }

            @Override
            public long eventLoopAllocatedBytes() {
                if (!(threads instanceof com.sun.management.ThreadMXBean allocation)) {
                    return -1;
                }
                long sum = 0;
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t instanceof FastThreadLocalThread) {
                        sum += Math.max(0, allocation.getThreadAllocatedBytes(t.getId()));
                    }
                }
                return sum;
            }
        };
    }

    /**
     * Another process, read from /proc: utime + stime of the process and of its child processes
     * (a multi-process proxy such as Kamailio forks its workers), and of its threads whose name
     * starts as Netty names event-loop threads (the kernel keeps 15 characters of it).
     */
    static ProxyCpu external(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        if (!Files.isReadable(proc.resolve("stat"))) {
            throw new IllegalArgumentException("--proxy-pid " + pid + ": no such process (" + proc.resolve("stat") + ")");
        }
        return new ProxyCpu() {
            @Override
            public long eventLoopNanos() {
                long sum = 0;
                try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
                    for (Path task : tasks) {
                        String stat = read(task.resolve("stat"));
                        if (stat != null && stat.contains("(multiThreadIoEv")) {
                            sum += ticksToNanos(stat);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + proc.resolve("task"), e);
                }
                return sum;
            }

            @Override
            public long processNanos() {
                String stat = read(proc.resolve("stat"));
                if (stat == null) {
                    throw new IllegalStateException("proxy process " + pid + " has exited");
                }
                return ticksToNanos(stat) + childrenNanos(pid);
            }
        };
    }

    /** CPU of the children of {@code pid} and of their children, as listed in /proc/PID/task/TID/children. */
    private static long childrenNanos(long pid) {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String children = read(task.resolve("children"));
                if (children == null || children.isBlank()) {
                    continue;
                }
                for (String child : children.trim().split(" ")) {
                    String stat = read(Path.of("/proc", child, "stat"));
                    if (stat != null) {
                        sum += ticksToNanos(stat) + childrenNanos(Long.parseLong(child));
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the children of process " + pid, e);
        }
        return sum;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** utime + stime (fields 14 and 15 of proc(5) stat) in nanoseconds; USER_HZ is 100 on Linux. */
    private static long ticksToNanos(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
    }
}
