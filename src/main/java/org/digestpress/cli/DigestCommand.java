package org.digestpress.cli;

import java.util.function.Function;

import org.digestpress.BuildRequest;
import org.digestpress.Pipeline;
import org.digestpress.engine.Workspace;
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
                PreviewCommand.class, NewCommand.class, DaemonCommand.class, EngineCommand.class,
                CommandLine.HelpCommand.class})
public final class DigestCommand implements Runnable {

    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Read by the launcher, which then runs the command in its own process; here it changes nothing.
    @CommandLine.Option(names = "--no-daemon", scope = CommandLine.ScopeType.INHERIT,
            description = "Run in this process, without the resident engine (also DIGESTPRESS_DAEMON=off; always in CI).")
    boolean noDaemon;

    /** Where builds get their workspace: a fresh one each time in-process, a warm one in the engine. */
    private Function<BuildRequest, Workspace> workspaces = request -> Pipeline.workspace();

    /** The workspace a command of this command line builds with. */
    static Workspace workspace(CommandLine.Model.CommandSpec spec, BuildRequest request) {
        return ((DigestCommand) spec.root().userObject()).workspaces.apply(request);
    }

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
        return execute(out, err, null, null, args);
    }

    /**
     * Runs a command line for the resident engine ({@code org.digestpress.daemon}): help coloured
     * or not as picocli would decide in the client's terminal, builds on the engine's workspaces.
     */
    static int execute(java.io.PrintWriter out, java.io.PrintWriter err, boolean ansi,
                       Function<BuildRequest, Workspace> workspaces, String... args) {
        return execute(out, err, ansi ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF, workspaces, args);
    }

    private static int execute(java.io.PrintWriter out, java.io.PrintWriter err, CommandLine.Help.Ansi ansi,
                               Function<BuildRequest, Workspace> workspaces, String... args) {
        org.digestpress.Pipeline.silenceLibraryLogs();
        DigestCommand root = new DigestCommand();
        if (workspaces != null) {
            root.workspaces = workspaces;
        }
        CommandLine commandLine = new CommandLine(root);
        if (ansi != null) {
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
        }
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
