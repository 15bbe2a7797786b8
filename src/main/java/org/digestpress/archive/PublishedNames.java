package org.digestpress.archive;

import java.nio.file.Path;

/**
 * Where the archive puts each file of an issue, relative to the archive folder: the one place that
 * knows it, for the archive itself, its index page and feed, and the e-mail edition, whose links
 * point into the archive as published at {@code web.base_url}.
 */
public final class PublishedNames {

    /** The feed's file in the archive folder. */
    public static final String FEED = "feed.xml";

    private PublishedNames() {
    }

    /** {@code 2025/2025-06.pdf} */
    public static String issuePdf(String issue) {
        return year(issue) + "/" + issue + ".pdf";
    }

    /** {@code 2025/2025-06.png}: the cover picture (PNG, so mail clients show it too) */
    public static String cover(String issue) {
        return year(issue) + "/" + issue + ".png";
    }

    /** {@code 2025/2025-06}: the issue's folder, with its offprints and its web edition */
    public static String folder(String issue) {
        return year(issue) + "/" + issue;
    }

    /** {@code 2025/2025-06/index.html}: the issue's web edition */
    public static String webPage(String issue) {
        return folder(issue) + "/index.html";
    }

    /** {@code 2025/2025-06/events/05-tambov-neftegaz.pdf}: an article's offprint, named after its file */
    public static String offprint(String issue, Path issueDir, Path article) {
        return folder(issue) + "/" + OffprintNames.of(issueDir, article);
    }

    /** {@code relative} as a link: percent-encoded where needed (file names may be Cyrillic). */
    public static String link(String relative) {
        try {
            return new java.net.URI(null, null, relative, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a relative path: " + relative, e);
        }
    }

    private static String year(String issue) {
        return issue.substring(0, Math.min(4, issue.length()));
    }
}
