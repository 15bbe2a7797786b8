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
import org.digestpress.Workspace;
import org.digestpress.serve.WatchedPreview;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Typesets one article alone with the issue's styles into out/preview/<name>.pdf.",
                "Figure and table numbers and page numbers are those the article has in the whole issue; there is "
                        + "no cover, contents or back page. A draft article is placed as 'build --drafts' would.",
                "Exit status: 0 written, 1 problems in the content (the previous PDF is kept), 2 wrong usage (also an "
                        + "output inside the sources, as for build)."})
final class PreviewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ARTICLE.md", description = "The article's Markdown file.")
    Path article;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the PDF.")
    Path output;

    @Option(names = "--watch", description = "Stay running and typeset the article again after every save (Ctrl-C to stop).")
    boolean watch;

    @Option(names = "--drafts", description = "Include the other articles marked 'draft: true' when counting pages.")
    boolean drafts;

    @picocli.CommandLine.Mixin
    AssetOptions assets;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(article)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "There is no file " + article + ".");
        }
        Path absolute = article.toAbsolutePath().normalize();
        // ISSUE/SECTION/article.md: the issue is the nearest folder upwards with an issue.yaml.
        Path issue = absolute.getParent();
        while (issue != null && !Files.isRegularFile(issue.resolve("issue.yaml"))) {
            issue = issue.getParent();
        }
        if (issue == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), article
                    + " is not inside an issue folder (one with an issue.yaml).");
        }
        BuildRequest request = BuildOptions.request(issue, drafts, assets, null, true);
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
