package org.trunkguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** bin/trunkguard: the subcommands an operator runs. */
@Command(name = "trunkguard", mixinStandardHelpOptions = true, version = "trunkguard 0.1.0",
        description = "SIP proxy that stops spoofed and harassing calls in front of carrier trunks.",
        subcommands = {RunCommand.class, CheckConfigCommand.class, org.trunkguard.trace.TraceCli.class},
        // The demo's SIP peers need JAIN-SIP, which a deployment does not ship: the launcher runs it from module demo.
        footer = "%nbin/trunkguard demo [--config FILE]: the proxy with a built-in caller and callee (module demo).")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new Main(), args));
    }

    /** Runs a command as the launcher does: an unexpected exception is printed and exits 2. */
    public static int execute(Object command, String... args) {
        return new CommandLine(command)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("trunkguard: " + e);
                    return 2;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
