package org.trunkguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** bin/trunkguard: the subcommands an operator runs. */
@Command(name = "trunkguard", mixinStandardHelpOptions = true, version = "trunkguard 0.1.0",
        description = "SIP proxy that stops spoofed and harassing calls in front of carrier trunks.",
        subcommands = {RunCommand.class, CheckConfigCommand.class, DemoCommand.class, org.trunkguard.trace.TraceCli.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exit = new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("trunkguard: " + e);
                    return 2;
                })
                .execute(args);
        System.exit(exit);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
