package org.digestpress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.OutputCheck;
import org.digestpress.engine.Workspace;
import org.digestpress.serve.WatchedPreview;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Typesets one article alone with the issue's styles into out/preview/<name>.pdf.",
                "Figure and table numbers and page numbers are those the article has in the whole issue; there is "
                        + "no cover, contents or back page. Drafts are shown, marked, and counted as 'build --drafts' and serve "
                        + "count them.",
                "With --page-of FILE:LINE, prints instead the page of the issue on which that line of a source file is "
                        + "printed (drafts included, as serve shows them).",
                "Exit status: 0 written, 1 problems in the content (the previous PDF is kept) or, with --page-of, a line "
                        + "that is not printed, 2 wrong usage (also an output inside the sources, as for build)."})
final class PreviewCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ARTICLE.md", description = "The article's Markdown file.")
    Path article;

    @Option(names = "--page-of", paramLabel = "FILE:LINE",
            description = "Print the page of the issue on which this line of an article (or issue.yaml, _intro.md) is printed.")
    String pageOf;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the PDF.")
    Path output;

    @Option(names = "--watch", description = "Stay running and typeset the article again after every save (Ctrl-C to stop).")
    boolean watch;

    @Option(names = "--drafts", description = "Accepted for compatibility: the other drafts are always counted, "
            + "as serve shows them.")
    boolean drafts;

    @picocli.CommandLine.Mixin
    AssetOptions assets;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (pageOf != null) {
            return pageOf();
        }
        if (article == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'ARTICLE.md'");
        }
        if (!Files.isRegularFile(article)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "There is no file " + article + ".");
        }
        Path absolute = article.toAbsolutePath().normalize();
        Path issue = issueOf(absolute);
        if (issue == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), article
                    + " is not inside an issue folder (one with an issue.yaml).");
        }
        // drafts are laid out and marked as serve shows them, so the pages are serve's
        BuildRequest request = BuildOptions.request(issue, true, assets, null, true);
        String name = absolute.getFileName().toString().replaceFirst("(?i)\\.md$", "");
        Path target = output != null ? output : Path.of("out", "preview", name + ".pdf");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the same output check as build's, before any work and with build's exit status
        List<String> refusals = OutputCheck.refusals(BuildOptions.request(issue, drafts, assets, target, true), null);
        if (!refusals.isEmpty()) {
            refusals.forEach(r -> err.println("digest: " + r));
            err.flush();
            return DigestCommand.USAGE;
        }
        Workspace workspace = DigestCommand.workspace(spec, request);
        if (!watch) {
            return report(workspace.excerpt(request, absolute, target), out, err);
        }
        List<Path> watched = new ArrayList<>();
        watched.add(request.publication());
        request.templates().folder().ifPresent(watched::add);
        List<Path> fontFolders = request.fonts().folder().map(List::of).orElse(List.of());
        watched.addAll(fontFolders);
        CountDownLatch stopped = new CountDownLatch(1);
        try (WatchedPreview preview = WatchedPreview.start(workspace, request, absolute, target, watched, fontFolders,
                result -> report(result, out, err))) {
            out.println("Watching " + article + " and what it reads (Ctrl-C to stop).");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "digest-stop"));
            stopped.await();
        } catch (IOException e) {
            err.println("digest: cannot watch the files: " + e.getMessage());
            return DigestCommand.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DigestCommand.OK;
    }

    private int pageOf() {
        PageOf.Place place = PageOf.Place.parse(pageOf);
        if (place == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--page-of takes FILE:LINE with a line number "
                    + "from 1, e.g. --page-of content/2025-06/research/01-creative.md:12; got '" + pageOf + "'.");
        }
        if (!Files.isRegularFile(place.file())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "There is no file " + place.file() + ".");
        }
        if (issueOf(place.file().toAbsolutePath().normalize()) == null && !PageOf.isPublicationFile(place.file())) {
            throw new CommandLine.ParameterException(spec.commandLine(), place.file()
                    + " is not inside an issue folder (one with an issue.yaml).");
        }
        return PageOf.answer(place, assets, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** ISSUE/SECTION/article.md: the issue is the nearest folder upwards with an issue.yaml, or null. */
    static Path issueOf(Path absolute) {
        Path issue = absolute.getParent();
        while (issue != null && !Files.isRegularFile(issue.resolve("issue.yaml"))) {
            issue = issue.getParent();
        }
        return issue;
    }

    private int report(BuildResult result, PrintWriter out, PrintWriter err) {
        if (result.failed()) {
            Diagnostics.print(result, err);
            err.println("The previous preview, if any, is kept.");
            err.flush();
            return DigestCommand.CONTENT_ERRORS;
        }
        Diagnostics.print(result, err);
        Path base = Path.of("").toAbsolutePath();
        out.printf(Locale.ROOT, "%s → %s: %s, %d ms%n", article.getFileName(),
                NewArticleCommand.shown(result.pdf(), base), Diagnostics.plural(result.pages(), "page"), result.millis());
        out.flush();
        return DigestCommand.OK;
    }
}
