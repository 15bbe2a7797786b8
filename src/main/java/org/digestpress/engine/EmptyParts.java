package org.digestpress.engine;

import java.util.List;

import org.digestpress.content.Issue;
import org.digestpress.content.Labels;
import org.digestpress.content.Publication;
import org.digestpress.layout.IssueView;
import org.digestpress.problem.Problems;

/**
 * Parts of an issue that would print a heading with nothing under it: the inside cover's
 * «Об издателе» when issue.yaml has no {@code inside_cover} (a new issue), and an index that no
 * article gives an entry (no article names a region). An editor expects no empty heading on the
 * page, and to learn why a part is missing: the part is left out, with a warning that says how to
 * fill it.
 */
final class EmptyParts {

    private EmptyParts() {
    }

    /**
     * Warns about the parts of the issue's view left out for want of content: the inside cover's
     * «Об издателе» (the template leaves its heading out) and the indexes {@link #withEntries}
     * dropped. Only a build of the whole issue says so: a preview of one article prints neither.
     */
    static void report(Publication publication, Issue issue, IssueView view, Labels labels, Problems problems) {
        if (issue.insideCover() == null || issue.insideCover().isBlank()) {
            problems.warning(issue.file(), 0, 0, "issue.yaml has no 'inside_cover', so the inside cover has no «"
                    + labels.get("about") + "» part; write who publishes the digest under 'inside_cover: |' "
                    + "(Markdown).");
        }
        for (String kind : publication.index()) {
            if (view.indexes().stream().noneMatch(i -> i.kind().equals(kind))) {
                problems.warning(publication.file(), 0, 0, "No article of this issue has '"
                        + (kind.equals("regions") ? "region" : kind) + "' in its front matter, so the page «"
                        + labels.all().getOrDefault("index_" + kind, kind) + "» (publication.yaml: index) is left out.");
            }
        }
    }

    /** The indexes that have entries: a page with a title and nothing under it is left out. */
    static List<IssueView.IndexView> withEntries(List<IssueView.IndexView> indexes) {
        return indexes.stream().filter(i -> !i.entries().isEmpty()).toList();
    }
}
