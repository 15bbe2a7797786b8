package org.digestpress.engine;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import org.digestpress.chart.ChartCompiler;
import org.digestpress.chart.ChartObjectDrawer;
import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.Labels;
import org.digestpress.content.Publication;
import org.digestpress.layout.IssueView;
import org.digestpress.pdf.DocumentInfo;
import org.digestpress.typography.TypesetFragment;

/**
 * An issue after the Markdown, typography and chart stages: the view the templates lay out (every
 * text as typeset XHTML) and the charts it shows, for this build only. The issue PDF, a preview,
 * the offprints and the web edition are all made from one of these.
 *
 * @param charts  the charts of every text the view shows, drawing failures going to this build
 * @param trees   every typeset text of the view with the tree the typography stage built, by the
 *                anchor the web edition gives it; the trees are shared with the kept articles: read
 *                them only through {@link TypesetFragment#copyFor}
 * @param drawers what draws those charts into the PDF
 */
public record TypesetIssue(Publication publication, Issue issue, Labels labels, IssueView view, ChartCompiler charts,
                           Map<String, TypesetFragment> trees, FSObjectDrawerFactory drawers) {

    public TypesetIssue {
        Objects.requireNonNull(view, "view");
        trees = Collections.unmodifiableMap(new TreeMap<>(trees));
    }

    TypesetIssue(Publication publication, Issue issue, Labels labels, IssueView view, ChartCompiler charts,
                 Map<String, TypesetFragment> trees) {
        this(publication, issue, labels, view, charts, trees, ChartObjectDrawer.objectDrawerFactory(charts));
    }

    public String issueName() {
        return issue.date().toString();
    }

    /** The document date of every PDF of the issue: its month's first day, UTC (reproducible). */
    ZonedDateTime created() {
        return ZonedDateTime.of(issue.date().getYear(), issue.date().getMonthValue(), 1, 0, 0, 0, 0, ZoneOffset.UTC);
    }

    /**
     * The date, the language and the data of the charts the document {@code xhtml} shows (an
     * issue, a preview or an offprint: only its own charts travel with it).
     */
    DocumentInfo documentInfo(String language, String xhtml) {
        return new DocumentInfo(language, created(), charts.data().stream()
                .filter(c -> ChartCompiler.shows(xhtml, c)).toList());
    }

    /** The article of the issue with this key, or null. */
    Article article(String key) {
        return issue.articles().stream().filter(a -> a.key().equals(key)).findFirst().orElse(null);
    }

    /** The folders the renderer may read from: the publication and the templates folder, if any. */
    static List<Path> roots(Publication publication, org.digestpress.assets.Assets templates) {
        return templates.folder().map(t -> List.of(publication.root(), t)).orElse(List.of(publication.root()));
    }
}
