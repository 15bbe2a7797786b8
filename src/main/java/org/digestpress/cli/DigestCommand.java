package org.digestpress.cli;

import org.digestpress.assets.InstallationProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code digest}: the entry point. Subcommands do the work; this class only wires them and maps
 * outcomes to exit codes (0 success, 1 problems in the content, 2 wrong usage).
 */
@Command(name = "digest",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Typesets a periodical news digest from Markdown into a print-quality PDF.",
        subcommands = {BuildCommand.class, CheckCommand.class, ArchiveCommand.class, ServeCommand.class,
                PreviewCommand.class, NewCommand.class, CommandLine.HelpCommand.class})
public final class DigestCommand implements Runnable {

    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, e.g. 'digest build'.");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs a command line with its output going to the given writers. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        org.digestpress.Pipeline.silenceLibraryLogs();
        CommandLine commandLine = new CommandLine(new DigestCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(e -> USAGE);
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("digest: " + e.getMessage());
            e.getCommandLine().getErr().println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof InstallationProblem problem) {
                command.getErr().println("digest: " + problem.getMessage());
                command.getErr().flush();
                return USAGE;
            }
            throw e;
        });
        return commandLine.execute(args);
    }
}
