package org.digestpress.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.Pipeline;
import org.digestpress.pdf.SourceMap;
import org.digestpress.problem.Problems;

/**
 * {@code digest preview --page-of FILE:LINE}: the page of the issue on which that source line is
 * printed, for an editor's "show in the PDF". The issue is laid out as {@code serve} shows it
 * (drafts included) and not drawn.
 */
final class PageOf {

    private PageOf() {
    }

    /** The place asked for, or null when {@code spec} is not FILE:LINE. */
    record Place(Path file, int line) {
        static Place parse(String spec) {
            int colon = spec.lastIndexOf(':');
            if (colon <= 0 || !spec.substring(colon + 1).matches("[1-9][0-9]{0,8}")) {
                return null;
            }
            return new Place(Path.of(spec.substring(0, colon)), Integer.parseInt(spec.substring(colon + 1)));
        }
    }

    /** Prints the page number; exit status 1 with a sentence when the line is not printed. */
    static int answer(Place place, AssetOptions assets, PrintWriter out, PrintWriter err) {
        BuildRequest request = request(place.file(), assets);
        Problems problems = new Problems();
        SourceMap map = Pipeline.workspace().sourceMap(request, problems);
        if (problems.hasErrors()) {
            Diagnostics.print(new BuildResult(null, 0, 0, 0, null, problems.all()), err, false);
            return DigestCommand.CONTENT_ERRORS;
        }
        OptionalInt page = map.pageOf(place.file(), place.line());
        if (page.isEmpty()) {
            err.println(place.file() + ":" + place.line() + ": nothing of this line is printed in the issue "
                    + "(a blank line, a front matter key that is not shown, or past the end of the file).");
            err.flush();
            return DigestCommand.CONTENT_ERRORS;
        }
        out.println(page.getAsInt());
        out.flush();
        return DigestCommand.OK;
    }

    /**
     * The issue the file belongs to (the nearest folder upwards with an issue.yaml); for the
     * publication's own file, the newest issue of that publication.
     */
    private static BuildRequest request(Path file, AssetOptions assets) {
        Path absolute = file.toAbsolutePath().normalize();
        Path issue = PreviewCommand.issueOf(absolute);
        if (issue == null) {
            return new BuildRequest(absolute.getParent(), null, null, true, false, assets.templates(), assets.fonts());
        }
        return BuildOptions.request(issue, true, assets, null, false);
    }

    static boolean isPublicationFile(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().equals("publication.yaml");
    }
}
