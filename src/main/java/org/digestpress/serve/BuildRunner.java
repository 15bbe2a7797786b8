package org.digestpress.serve;

import java.util.function.Consumer;

import org.digestpress.BuildRequest;
import org.digestpress.pdf.DrawnPage;
import org.digestpress.engine.Workspace;

/**
 * What builds the issue for {@link PreviewServer}: the resident {@link Workspace}; a test puts in
 * one that fails, waits or counts its own way.
 */
interface BuildRunner {
    Workspace.IssueBuild build(BuildRequest request);

    /** As {@link #build(BuildRequest)}, telling {@code drawn} of each page as soon as it is drawn. */
    default Workspace.IssueBuild build(BuildRequest request, Consumer<DrawnPage> drawn) {
        return build(request);
    }

    void reset();

    /** Where the build's pages came from, for clicks on a page and {@code /where}. */
    default PageSources sources(Workspace.IssueBuild built) {
        return PageSources.of(built.sourceMap());
    }

    static BuildRunner of(Workspace workspace) {
        return of(workspace, null);
    }

    /** With {@code sources}, when not null, instead of each build's own source map (a test's double). */
    static BuildRunner of(Workspace workspace, PageSources sources) {
        return new BuildRunner() {
            @Override
            public Workspace.IssueBuild build(BuildRequest request) {
                return workspace.buildIssue(request);
            }

            @Override
            public Workspace.IssueBuild build(BuildRequest request, Consumer<DrawnPage> drawn) {
                return workspace.buildIssue(request, drawn);
            }

            @Override
            public void reset() {
                workspace.reset();
            }

            @Override
            public PageSources sources(Workspace.IssueBuild built) {
                return sources != null ? sources : PageSources.of(built.sourceMap());
            }
        };
    }
}
