package org.trunkguard.trace;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The child process of {@link TraceCrashTest}: writes decisions as fast as it can and prints
 * {@code ack <call-id>;} after each {@code decision} returned, until it is killed. The trailing
 * ';' lets the parent ignore a line the kill cut in half.
 */
public final class CrashingWriterMain {

    private CrashingWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, false, "UTF-8");
        TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), Clock.systemUTC());
        CallDecision call = new CallDecision();
        StringBuilder callId = new StringBuilder(32);
        for (long i = 0; ; i++) {
            callId.setLength(0);
            callId.append("crash-").append(i).append("@test");
            writer.decision(TestCalls.allowed(call, System.currentTimeMillis(), "", "13800138000", "13900139000")
                    .callId(callId));
            out.print("ack ");
            out.print(callId);
            out.print(";\n");
            out.flush();
        }
    }
}
