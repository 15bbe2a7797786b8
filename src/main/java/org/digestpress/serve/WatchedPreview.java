package org.digestpress.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.engine.Workspace;
import org.digestpress.problem.Problem;

/**
 * {@code digest preview --watch}: typesets one article alone, then again after every burst of saves
 * in the watched folders, on one resident {@link Workspace}. A failed render leaves the last good PDF
 * in place (the PDF writer replaces a file only on success).
 */
public final class WatchedPreview implements AutoCloseable {

    private final SourceWatcher watcher;

    private WatchedPreview(SourceWatcher watcher) {
        this.watcher = watcher;
    }

    /**
     * Renders once now, then on every change until closed; each result goes to {@code report},
     * one at a time.
     */
    public static WatchedPreview start(Workspace workspace, BuildRequest request, Path article, Path output,
                                       List<Path> watched, List<Path> fontFolders,
                                       Consumer<BuildResult> report) throws IOException {
        Object lock = new Object();
        Runnable render = () -> {
            synchronized (lock) {
                BuildResult result;
                try {
                    result = workspace.excerpt(request, article, output);
                } catch (Throwable e) { // NOPMD: watching must outlive any render
                    // A failed render writes no PDF: the last good one stays in place.
                    result = new BuildResult(null, 0, 0, 0, null, List.of(Problem.error(article, 0, 0,
                            StoppedBuild.sentence(e) + " The last good PDF is kept.")));
                    try {
                        workspace.reset(); // what the broken render left half-made is not trusted
                    } catch (Throwable again) { // NOPMD
                        // the next render reports its own problems
                    }
                }
                report.accept(result);
            }
        };
        List<Path> fonts = fontFolders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Path out = output.toAbsolutePath().normalize();
        // Watching starts before the first render, so a save made meanwhile is not missed.
        WatchedPreview preview = new WatchedPreview(new SourceWatcher(watched, 80, changed -> {
            if (changed.stream().allMatch(p -> p.toAbsolutePath().normalize().startsWith(out.getParent()))) {
                return; // our own output, when it lies inside a watched folder
            }
            if (changed.stream().anyMatch(p -> fonts.stream().anyMatch(p::startsWith))) {
                workspace.reset();
            }
            render.run();
        }));
        render.run();
        return preview;
    }

    @Override
    public void close() {
        watcher.close();
    }
}
