package org.digestpress;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.digestpress.content.IssueLoader;
import org.digestpress.engine.Offprints;
import org.digestpress.engine.Workspace;

/**
 * The whole build, stage after stage: content → markdown → typography → chart → layout → pdf.
 * Each stage adds its problems to one collection; the PDF is written only when none is an error.
 * This is the library's façade: the CLI and the tests call nothing else to build an issue. A
 * single build runs on a fresh {@link Workspace}; front ends that rebuild (serve, preview --watch)
 * keep one workspace so that what was loaded and rendered once is reused.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /**
     * Turns off the libraries' own log output (JVM-wide). A command-line front end calls this
     * first: every problem reaches the user as a diagnostic with file and line, never a log line.
     */
    public static void silenceLibraryLogs() {
        org.digestpress.pdf.LibraryLogs.silence();
    }

    public static BuildResult build(BuildRequest request) {
        return new Workspace().build(request);
    }

    /** A resident engine for repeated builds of the same publication. */
    public static Workspace workspace() {
        return new Workspace();
    }

    /** The issue folders of a publication ({@code YYYY-MM}), oldest first. */
    public static List<Path> issueFolders(Path publication) {
        return IssueLoader.issueFolders(publication.toAbsolutePath().normalize());
    }

    /**
     * Renders articles of an issue alone, each paged as in the issue: see {@link Offprints}.
     *
     * @param request  the issue folder, templates and fonts ({@code output} is ignored)
     * @param issuePdf the built issue whose bookmarks give the first pages, or null to start at page 1
     * @param only     article files to render, empty for all
     * @param output   the PDF for an article, given the article and the slug of its file name
     */
    public static Offprints.Result offprints(BuildRequest request, Path issuePdf, Set<Path> only,
                                             java.util.function.BiFunction<Offprints.ArticleInfo, String, Path> output) {
        return new Workspace().offprints(request, issuePdf, only, output);
    }

    /**
     * Builds the issue and its offprints together, each article typeset once and every offprint
     * starting on the page the issue's own layout gave its article (what {@code digest archive}
     * makes).
     *
     * @param request the issue (its folder given) and where its PDF goes
     * @param output  the PDF for an article, given the article and the slug of its file name
     */
    public static Workspace.IssueWithOffprints buildWithOffprints(BuildRequest request,
            java.util.function.BiFunction<Offprints.ArticleInfo, String, Path> output) {
        return new Workspace().buildWithOffprints(request, Set.of(), output);
    }
}
