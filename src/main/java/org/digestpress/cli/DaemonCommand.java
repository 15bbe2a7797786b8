package org.digestpress.cli;

import java.util.concurrent.Callable;

import org.digestpress.daemon.EngineControl;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code digest daemon status|stop}: the user's resident engines (see the README, "The resident engine"). */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Shows or stops your resident engines: the background processes that keep digestpress warm "
                + "so that build, check and preview answer fast.",
                "The launcher starts one per working folder when none answers; it exits after 10 minutes without a "
                        + "command (DIGESTPRESS_DAEMON_IDLE=seconds). --no-daemon, DIGESTPRESS_DAEMON=off or CI=true: "
                        + "commands run in their own process."},
        subcommands = {DaemonCommand.Status.class, DaemonCommand.Stop.class})
final class DaemonCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name what to do: 'digest daemon status' or "
                + "'digest daemon stop'.");
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "One line per running engine: its process, folder, age, commands run, idle time and memory.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return EngineControl.status(System.getenv(), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops every engine of yours.")
    static final class Stop implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return EngineControl.stop(System.getenv(), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
