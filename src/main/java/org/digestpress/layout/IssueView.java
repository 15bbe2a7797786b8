package org.digestpress.layout;

import java.util.List;
import java.util.Map;

/**
 * Everything the templates see, already rendered and typeset: text fields are plain text (the
 * templates escape them), fields ending in {@code Html} are XHTML fragments (inserted as they are).
 * Names follow the template variables, so a designer reading {@code issue.ftlx} finds them here.
 * {@code dateInText} is the month and year as written inside a sentence («июнь 2025», «June 2026»).
 */
public record IssueView(
        String language,
        String title,
        String subtitle,
        int number,
        String issueLabel,
        String monthLabel,
        String documentTitle,
        Publisher publisher,
        Brand brand,
        String coverImage,
        String coverAlt,
        String insideCoverHtml,
        List<Link> publications,
        List<Link> resources,
        List<SectionView> sections,
        String backPageHtml,
        Map<String, String> labels,
        Meta meta,
        List<IndexView> indexes,
        String dateInText) {

    public IssueView {
        publications = List.copyOf(publications);
        resources = List.copyOf(resources);
        sections = List.copyOf(sections);
        labels = Map.copyOf(labels);
        indexes = List.copyOf(indexes);
    }

    /**
     * An index page before the back page ({@code index: [regions, tags]} in publication.yaml).
     *
     * @param kind    {@code regions} or {@code tags}
     * @param anchor  the page's id, for the contents and the bookmarks
     * @param entries in the language's alphabetical order
     */
    public record IndexView(String kind, String anchor, String title, List<IndexEntry> entries) {
        public IndexView {
            entries = List.copyOf(entries);
        }
    }

    /** A heading and the anchors of its articles, in issue order; the renderer prints their pages. */
    public record IndexEntry(String name, List<String> anchors) {
        public IndexEntry {
            anchors = List.copyOf(anchors);
        }
    }

    public record Publisher(String name, String parent, String address, String phone, String fax, String email,
                            String web, String copyright) {
    }

    /** Colours as {@code #rrggbb}; {@code logo} is a {@code file:} URI or null. */
    public record Brand(String primary, String accent, String text, String primaryTint, String accentTint,
                        String logo) {
    }

    public record Link(String title, String url) {
    }

    /**
     * PDF document information: author is the publisher, keywords the articles' tags.
     *
     * @param published the issue's month as ISO 8601 ({@code 2025-06}): the web edition's dates
     */
    public record Meta(String title, String author, String subject, String keywords, String published) {
    }

    public record SectionView(String id, String anchor, String title, String style, String introHtml,
                              List<ArticleView> articles) {
        public SectionView {
            articles = List.copyOf(articles);
        }
    }

    /**
     * @param title   typeset title (no hyphenation)
     * @param lead  typeset, hyphenated lead (plain text), or null
     * @param image   {@code file:} URI or null
     * @param labels  the fixed words in the article's own language
     * @param draft   marked {@code draft: true}: shown only by serve, preview and build --drafts, and marked so
     * @param titleSource where the title is written (the source mark of the heading), or null
     * @param leadSource  where the lead is written, or null
     */
    public record ArticleView(String anchor, String title, String tocTitle, String lead, String region,
                              List<String> tags, String image, String imageAlt, String imageCaption,
                              String imageCredit, String bodyHtml, String sourceName, String sourceUrl,
                              String language, Map<String, String> labels, boolean draft, String titleSource,
                              String leadSource) {
        public ArticleView {
            tags = List.copyOf(tags);
            labels = Map.copyOf(labels);
        }
    }
}
