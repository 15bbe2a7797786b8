package org.digestpress.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.digestpress.BuildRequest;
import org.digestpress.OutputCheck;
import org.digestpress.archive.Archive;
import org.digestpress.problem.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "archive", mixinStandardHelpOptions = true,
        description = {"Builds every issue of a publication into an archive folder for publishing:",
                "DIR/<YYYY>/<YYYY-MM>.pdf, one offprint per article in DIR/<YYYY>/<YYYY-MM>/,",
                "DIR/archive.json (checksums of every PDF and input) and DIR/index.html.",
                "Issues whose inputs did not change since the last run are not built again.",
                "A failed issue keeps its previous PDF; the others are still archived.",
                "Exit status: 0 all archived, 1 some issue failed, 2 wrong usage."})
final class ArchiveCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PUBLICATION",
            description = "The publication folder (with publication.yaml). Default: content/.")
    Path publication = Path.of("content");

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "The archive folder. Default: archive/.")
    Path output = Path.of("archive");

    @Option(names = "--jobs", paramLabel = "N", description = "Issues built at the same time. Default: the number of cores.")
    Integer jobs;

    @Option(names = "--force", description = "Build every issue, even those that are up to date.")
    boolean force;

    @Option(names = "--strict", description = "Treat warnings as errors: an issue with a warning is not archived.")
    boolean strict;

    @picocli.CommandLine.Mixin
    AssetOptions assets;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (jobs != null && jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs needs a number of 1 or more.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path base = Path.of("").toAbsolutePath();
        int cores = Runtime.getRuntime().availableProcessors();
        Archive.Request request = new Archive.Request(publication, output, jobs == null ? cores : jobs, force, strict,
                assets.templates(), assets.fonts());
        Optional<String> refusal = OutputCheck.outputFolder(new BuildRequest(publication, null, null, false, true,
                request.templates(), request.fonts()), output);
        if (refusal.isPresent()) {
            err.println("digest: " + refusal.get());
            err.flush();
            return DigestCommand.USAGE;
        }
        Archive.Result result = Archive.run(request, issue -> report(issue, base, out, err));
        for (Problem problem : result.problems()) {
            err.println(problem.format(base));
        }
        err.flush();
        if (result.index() != null) {
            out.printf(Locale.ROOT, "%s: %d built, %d up to date, %d failed%n", shown(base, result.index()),
                    result.count(Archive.Status.BUILT), result.count(Archive.Status.UP_TO_DATE),
                    result.count(Archive.Status.FAILED));
        }
        out.flush();
        return result.failed() ? DigestCommand.CONTENT_ERRORS : DigestCommand.OK;
    }

    private static void report(Archive.IssueOutcome issue, Path base, PrintWriter out, PrintWriter err) {
        for (Problem problem : issue.problems()) {
            err.println(problem.format(base));
        }
        err.flush();
        switch (issue.status()) {
            case UP_TO_DATE -> out.println(issue.issue() + ": up to date");
            case BUILT -> out.printf(Locale.ROOT, "%s: built %s, %d pages, %d offprints, %.1f s, %s%n", issue.issue(),
                    shown(base, issue.pdf()), issue.pages(), issue.offprints(), issue.millis() / 1000.0,
                    Diagnostics.plural(issue.warnings(), "warning"));
            case FAILED -> err.printf(Locale.ROOT, "%s: failed (%s%s); %s%n", issue.issue(),
                    issue.strictFail() ? Diagnostics.plural(issue.warnings(), "warning") + " with --strict"
                            : Diagnostics.plural(issue.errors(), "error"),
                    !issue.strictFail() && issue.warnings() > 0 ? ", " + Diagnostics.plural(issue.warnings(), "warning") : "",
                    issue.pdf() == null ? "nothing archived for it yet"
                            : "the previous " + shown(base, issue.pdf()) + " stays");
        }
        out.flush();
        err.flush();
    }

    private static String shown(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
