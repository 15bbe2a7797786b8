package org.digestpress.archive;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.digestpress.content.Publication;
import org.digestpress.content.PublicationLoader;
import org.digestpress.content.XmlCharacters;
import org.digestpress.problem.Problems;

/**
 * {@code feed.xml}: the archive as an Atom feed (RFC 4287), written from the archive record like
 * {@code index.html}, so a run that builds nothing writes the same bytes. One entry per issue
 * (its web edition, the PDF as an enclosure, its contents as the summary) and one per article
 * (the web edition's anchor, the offprint as an enclosure, the lead as the summary), newest issue
 * first. Dates are the issue's month (its first day, UTC), never the clock.
 *
 * <p>Links are absolute when the publication declares where the archive is published
 * ({@code web.base_url}) and relative to the feed otherwise (Atom resolves them against the
 * feed's own address). Ids must not change when the archive moves, so they are {@code tag:} URIs
 * (RFC 4151) under the publisher's domain or e-mail address, or name-based {@code urn:uuid:}s when
 * the publication gives neither; the feed's own id is made once and kept in the record.
 */
final class AtomFeed {

    private static final String EPOCH = "1970-01-01T00:00:00Z";

    private AtomFeed() {
    }

    /** The publication's feed settings now, the recorded ones when publication.yaml cannot be read. */
    static ArchiveRecord.Site site(Path publication, ArchiveRecord.Site previous, String title, String oldestIssue) {
        Publication p = PublicationLoader.load(publication, new Problems());
        if (p == null) {
            return previous;
        }
        String authority = authority(p);
        String feedId = previous != null && previous.feedId() != null ? previous.feedId()
                : authority != null ? "tag:" + authority + "," + (oldestIssue == null ? "2000" : oldestIssue)
                        + ":digest-" + org.digestpress.assets.Sha256.hex(String.valueOf(title).getBytes(StandardCharsets.UTF_8))
                        .substring(0, 12)
                : "urn:uuid:" + UUID.nameUUIDFromBytes(("digestpress feed " + title).getBytes(StandardCharsets.UTF_8));
        return new ArchiveRecord.Site(p.baseUrl(), p.publisher().name(), authority, feedId);
    }

    /** The publisher's domain ({@code publisher.web}), else its e-mail address, else that of base_url. */
    private static String authority(Publication p) {
        String host = host(p.publisher().web());
        if (host != null) {
            return host;
        }
        if (p.publisher().email() != null && p.publisher().email().matches("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+")) {
            return p.publisher().email().toLowerCase(Locale.ROOT);
        }
        return host(p.baseUrl());
    }

    private static String host(String url) {
        try {
            String host = url == null ? null : URI.create(url.strip()).getHost();
            return host != null && host.matches("[A-Za-z0-9.-]+") ? host.toLowerCase(Locale.ROOT) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String xml(ArchiveRecord record, String archiveTitle) {
        ArchiveRecord.Site site = record.site() == null ? new ArchiveRecord.Site(null, null, null,
                "urn:uuid:" + UUID.nameUUIDFromBytes(("digestpress feed " + record.publication())
                        .getBytes(StandardCharsets.UTF_8))) : record.site();
        String title = record.publication() == null ? archiveTitle : record.publication();
        List<ArchiveRecord.Issue> newestFirst = new ArrayList<>(record.issues());
        Collections.reverse(newestFirst);
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        out.append("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
        if (record.language() != null) {
            out.append(" xml:lang=\"").append(esc(record.language())).append('"');
        }
        out.append(">\n");
        element(out, "  ", "title", title);
        element(out, "  ", "subtitle", archiveTitle);
        element(out, "  ", "id", site.feedId());
        element(out, "  ", "updated", newestFirst.isEmpty() ? EPOCH : date(newestFirst.get(0).issue()));
        out.append("  <author>");
        element(out, "", "name", site.author() == null ? title : site.author());
        out.setLength(out.length() - 1);
        out.append("</author>\n");
        link(out, "  ", "self", "application/atom+xml", href(site, PublishedNames.FEED), null, null);
        link(out, "  ", "alternate", "text/html", href(site, IndexPage.FILE_NAME), null, null);
        element(out, "  ", "generator", "digestpress");
        for (ArchiveRecord.Issue issue : newestFirst) {
            issueEntry(out, site, issue, record.language());
            for (ArchiveRecord.Article article : issue.articles()) {
                articleEntry(out, site, issue, article, record.language());
            }
        }
        out.append("</feed>\n");
        return out.toString();
    }

    private static void issueEntry(StringBuilder out, ArchiveRecord.Site site, ArchiveRecord.Issue issue,
                                   String language) {
        out.append("  <entry>\n");
        element(out, "    ", "title", issue.issueLabel() + ", " + issue.monthLabel());
        element(out, "    ", "id", id(site, issue.issue(), issue.issue()));
        element(out, "    ", "updated", date(issue.issue()));
        String page = issue.webPage();
        link(out, "    ", "alternate", page != null ? "text/html" : "application/pdf",
                href(site, page != null ? page : issue.pdf().path()), null, null);
        link(out, "    ", "enclosure", "application/pdf", href(site, issue.pdf().path()), null, issue.pdf().bytes());
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (ArchiveRecord.Article a : issue.articles()) {
            sections.computeIfAbsent(a.section() == null ? "" : a.section(), s -> new ArrayList<>()).add(a.title());
        }
        List<String> parts = new ArrayList<>();
        sections.forEach((section, titles) -> parts.add((section.isEmpty() ? "" : section + ": ")
                + String.join("; ", titles) + "."));
        element(out, "    ", "summary", String.join(" ", parts));
        out.append("  </entry>\n");
    }

    private static void articleEntry(StringBuilder out, ArchiveRecord.Site site, ArchiveRecord.Issue issue,
                                     ArchiveRecord.Article article, String language) {
        out.append("  <entry");
        if (article.language() != null && !article.language().equals(language)) {
            out.append(" xml:lang=\"").append(esc(article.language())).append('"');
        }
        out.append(">\n");
        element(out, "    ", "title", article.title());
        element(out, "    ", "id", id(site, issue.issue(), issue.issue() + "/" + article.source()
                .replaceFirst("(?i)\\.md$", "")));
        element(out, "    ", "updated", date(issue.issue()));
        // an issue archived by an older digestpress has no web edition: the article's page in the PDF then
        boolean web = issue.webPage() != null && article.anchor() != null;
        String alternate = web ? href(site, issue.webPage()) + "#" + article.anchor()
                : href(site, issue.pdf().path()) + "#page=" + article.page();
        link(out, "    ", "alternate", web ? "text/html" : "application/pdf", alternate, null, null);
        link(out, "    ", "enclosure", "application/pdf", href(site, article.offprint().path()), null,
                article.offprint().bytes());
        if (article.section() != null) {
            out.append("    <category term=\"").append(esc(article.section())).append("\"/>\n");
        }
        if (article.region() != null && !article.region().isBlank()) {
            out.append("    <category term=\"").append(esc(article.region())).append("\"/>\n");
        }
        if (article.lead() != null && !article.lead().isBlank()) {
            element(out, "    ", "summary", article.lead());
        }
        out.append("  </entry>\n");
    }

    /** A {@code tag:} URI under the feed's, or a name-based UUID when the feed has no tag. */
    private static String id(ArchiveRecord.Site site, String issue, String path) {
        String feed = site.feedId();
        if (site.authority() != null && feed.startsWith("tag:")) {
            String specific = feed.substring(feed.indexOf(':', 4) + 1);
            return "tag:" + site.authority() + "," + issue + ":" + specific + "/" + PublishedNames.link(path);
        }
        return "urn:uuid:" + UUID.nameUUIDFromBytes((feed + "/" + path).getBytes(StandardCharsets.UTF_8));
    }

    private static String href(ArchiveRecord.Site site, String path) {
        String link = PublishedNames.link(path);
        return site.baseUrl() == null ? link : site.baseUrl() + link;
    }

    /** The issue's month, its first day at midnight UTC: {@code 2025-06} → {@code 2025-06-01T00:00:00Z}. */
    static String date(String issue) {
        return issue.matches("\\d{4}-\\d{2}") ? issue + "-01T00:00:00Z" : EPOCH;
    }

    private static void element(StringBuilder out, String indent, String name, String text) {
        out.append(indent).append('<').append(name).append('>').append(esc(text)).append("</").append(name)
                .append(">\n");
    }

    private static void link(StringBuilder out, String indent, String rel, String type, String href, String title,
                             Long length) {
        out.append(indent).append("<link rel=\"").append(rel).append("\" type=\"").append(type).append("\" href=\"")
                .append(esc(href)).append('"');
        if (title != null) {
            out.append(" title=\"").append(esc(title)).append('"');
        }
        if (length != null) {
            out.append(" length=\"").append(length).append('"');
        }
        out.append("/>\n");
    }

    /** Escaped for XML text and attributes; soft hyphens dropped, characters XML cannot hold left out. */
    private static String esc(String s) {
        StringBuilder out = new StringBuilder();
        String text = s == null ? "" : s.replace("\u00ad", "");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (XmlCharacters.allowed(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
