package org.digestpress.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.digestpress.BuildRequest;
import org.digestpress.engine.Workspace;

/**
 * The PDF behind the page's "Download PDF": the issue's own, as {@code digest build} writes it,
 * tagged for screen readers. The server builds for the screen ({@link BuildRequest#screen()}: the
 * same pages without the structure tree, which pictures never show), so this one is built when it
 * is first asked for after a build is shown, on the builder's thread between rebuilds, and kept
 * until another build is shown; the server's warm-up after its first build makes it ahead.
 *
 * <p>When it cannot be built (the sources broke since the shown build), the shown build's own PDF
 * is given: the same pages, without the tags, rather than nothing. So are the pages kept from the
 * last run while the first build runs (the server answers those itself).
 */
final class IssuePdf {

    /** The issue's PDF made while {@code of} was shown. */
    private record Made(ShownBuild of, byte[] pdf) {
    }

    private final Supplier<ShownBuild> shown;
    private final BuildRunner workspace;
    private final ExecutorService builder;
    private final BuildRequest request;
    private volatile Made made;

    /**
     * @param request the issue's build, writing a file of its own (not the screen builds' file)
     */
    IssuePdf(Supplier<ShownBuild> shown, BuildRunner workspace, ExecutorService builder, BuildRequest request) {
        this.shown = shown;
        this.workspace = workspace;
        this.builder = builder;
        this.request = request.forScreen(false);
    }

    private static final Answer NO_PDF = Answer.text(404, "No PDF yet: see the problems.");

    /**
     * The answer to {@code /issue.pdf}: at once when the issue's PDF is made, else on a worker
     * thread that waits for it.
     *
     * @param issue the shown issue's name ({@code 2025-06}), for the file name; empty when unknown
     * @param kept  whether the shown pages are those kept from the last run, while the first build
     *              runs: their own PDF is given, not one made behind that build
     */
    Answer answer(String issue, boolean kept) {
        String name = issue == null || issue.isEmpty() ? "issue" : issue;
        ShownBuild build = shown.get();
        if (build == null) {
            return NO_PDF;
        }
        if (kept) {
            return pdf(build.pdf(), name);
        }
        byte[] ready = ready();
        return ready != null ? pdf(ready, name) : Answer.later(() -> {
            byte[] made = get();
            return made == null ? NO_PDF : pdf(made, name);
        });
    }

    private static Answer pdf(byte[] pdf, String issue) {
        return Answer.of(200, "application/pdf", pdf).with("Content-Disposition", "inline; filename=\"" + issue + ".pdf\"");
    }

    /** The issue's PDF for the shown build if it is made already, else null: {@link #get} makes it. */
    byte[] ready() {
        Made last = made;
        ShownBuild now = shown.get();
        return last != null && now != null && last.of() == now ? last.pdf() : null;
    }

    /**
     * The issue's PDF for the shown build, built now on the builder's thread if need be (a worker
     * thread waits for it); null when no build is shown.
     */
    byte[] get() {
        ShownBuild now = shown.get();
        if (now == null) {
            return null;
        }
        byte[] ready = ready();
        if (ready != null) {
            return ready;
        }
        try {
            Future<byte[]> making = builder.submit(() -> make(now));
            return making.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return now.pdf();
        } catch (ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            return now.pdf(); // the server is stopping, or the build broke in a way it did not report
        }
    }

    /**
     * Builds the issue's PDF while {@code of} is shown, unless it was made meanwhile; runs on the
     * builder's thread. A build that fails gives {@code of}'s own PDF and keeps nothing.
     */
    byte[] make(ShownBuild of) {
        Made last = made;
        if (last != null && last.of() == of) {
            return last.pdf();
        }
        byte[] pdf;
        try {
            Workspace.IssueBuild built = workspace.build(request);
            if (built.result().failed() || built.result().pdf() == null) {
                return of.pdf();
            }
            pdf = built.laidOut() != null ? built.laidOut().pdf() : Files.readAllBytes(built.result().pdf());
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return of.pdf();
        }
        // Built from the sources of the shown build unless a save came meanwhile; then a newer
        // build will be shown, and this one is not kept for it.
        if (shown.get() == of) {
            made = new Made(of, pdf);
        }
        return pdf;
    }
}
