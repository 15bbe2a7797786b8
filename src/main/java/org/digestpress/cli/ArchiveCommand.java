package org.digestpress.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

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
                "DIR/<YYYY>/<YYYY-MM>.pdf, one offprint per article in DIR/<YYYY>/<YYYY-MM>/<section>/",
                "named after the article's file, the issue's web edition DIR/<YYYY>/<YYYY-MM>/index.html,",
                "DIR/archive.json (checksums of every archived file and of every file each build read)",
                "with DIR/archive.json.sha256, DIR/index.html and DIR/feed.xml (Atom).",
                "Issues whose inputs and digestpress did not change since the last run are not built",
                "again; a damaged archived file is repaired. A failed issue keeps its previous PDF.",
                "One run at a time writes to DIR; another one waits.",
                "Exit status: 0 all archived (or verified), 1 some issue failed (or a file does not",
                "match the record), 2 wrong usage."})
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

    @Option(names = "--prune", description = "Remove the archived files of issues whose folder is gone from the "
            + "publication (without it they stay and stay listed).")
    boolean prune;

    @Option(names = "--verify", description = "Check every archived file and archive.json against their checksums, "
            + "changing nothing: one line per mismatch, exit status 1 if there is one.")
    boolean verify;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = {"text (default): diagnostics like a compiler's on stderr, progress on stdout;",
                    "json: each problem as one JSON object per line on stdout, as check --format json writes "
                            + "them, and the progress lines on stderr: one CI step archives and annotates."})
    CheckCommand.Format format;

    @picocli.CommandLine.Mixin
    AssetOptions assets;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (jobs != null && jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs needs a number of 1 or more.");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path base = Path.of("").toAbsolutePath();
        if (verify) {
            return verify(base, stdout, err);
        }
        // With --format json, standard output carries nothing but the problems, so a CI step can
        // pipe it straight into its annotation filter; the progress lines go to the log (stderr).
        boolean json = format == CheckCommand.Format.json;
        PrintWriter out = json ? err : stdout;
        Consumer<Problem> problems = json ? p -> stdout.println(p.toJson(base)) : p -> err.println(p.format(base));
        int cores = Runtime.getRuntime().availableProcessors();
        Archive.Request request = new Archive.Request(publication, output, jobs == null ? cores : jobs, force, strict,
                prune, assets.templates(), assets.fonts());
        Optional<String> refusal = OutputCheck.outputFolder(new BuildRequest(publication, null, null, false, true,
                request.templates(), request.fonts()), output);
        if (refusal.isPresent()) {
            err.println("digest: " + refusal.get());
            err.flush();
            return DigestCommand.USAGE;
        }
        Archive.Result result = Archive.run(request, issue -> report(issue, base, out, err, problems), () -> {
            err.println("digest: another archive run is writing here (" + shown(base, output)
                    + "); waiting for it to finish...");
            err.flush();
        });
        result.problems().forEach(problems);
        stdout.flush();
        for (String repaired : result.repaired()) {
            // "index.html: missing" becomes "index.html: repaired (missing)"
            out.println(repaired.replaceFirst(": ", ": repaired (") + ")");
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

    private void report(Archive.IssueOutcome issue, Path base, PrintWriter out, PrintWriter err,
                        Consumer<Problem> problems) {
        issue.problems().forEach(problems);
        spec.commandLine().getOut().flush();
        err.flush();
        switch (issue.status()) {
            case UP_TO_DATE -> out.println(issue.issue() + ": up to date");
            case KEPT -> out.println(issue.issue() + ": its folder is gone from the publication; its archived files "
                    + "stay listed");
            case PRUNED -> out.println(issue.issue() + ": its folder is gone from the publication; its archived files "
                    + "were removed (--prune)");
            case BUILT -> out.printf(Locale.ROOT, "%s: %s %s, %d pages, %d offprints, %.1f s, %s%n", issue.issue(),
                    issue.repaired() == null ? "built" : "repaired (" + issue.repaired() + "), built",
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

    /** {@code --verify}: reads only; every mismatch on its own line. */
    private int verify(Path base, PrintWriter out, PrintWriter err) {
        org.digestpress.archive.Fixity.Report report = Archive.verify(output);
        String where = shown(base, output);
        for (String mismatch : report.mismatches()) {
            err.println(where + "/" + mismatch);
        }
        err.flush();
        out.printf(Locale.ROOT, "%s: %s checked, %s%n", where, Diagnostics.plural(report.files(), "file"),
                report.mismatches().isEmpty() ? "all match the record"
                        : Diagnostics.plural(report.mismatches().size(), "mismatch").replace("mismatchs", "mismatches"));
        out.flush();
        return report.mismatches().isEmpty() ? DigestCommand.OK : DigestCommand.CONTENT_ERRORS;
    }

    private static String shown(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
