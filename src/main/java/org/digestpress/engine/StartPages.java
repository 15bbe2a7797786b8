package org.digestpress.engine;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.digestpress.assets.Sha256;
import org.digestpress.layout.IssueView;

/**
 * The page each article starts on in the whole issue, by a hash of the document before it: what
 * decides that page. A preview lays the whole issue out only when the part before its article
 * changed since an issue was last laid out.
 */
final class StartPages {

    private static final int KEPT = 10_000;

    private final Map<String, Integer> pages = new HashMap<>();

    void clear() {
        pages.clear();
    }

    /** The page kept for the article with {@code anchor} in {@code xhtml}, or null. */
    Integer of(String xhtml, String anchor) {
        return pages.get(before(xhtml, anchor));
    }

    private static String before(String xhtml, String anchor) {
        int at = xhtml.indexOf("id=\"" + anchor + "\"");
        return at < 0 ? "" : Sha256.hex(xhtml.substring(0, at));
    }

    /** Keeps the first page of every article of {@code view} laid out in {@code xhtml}. */
    void remember(String xhtml, IssueView view, Map<String, Integer> anchors) {
        if (pages.size() > KEPT) {
            pages.clear();
        }
        // Every article's prefix hashed in one sweep (a digest cloned at each article start), not
        // each prefix from the start: that was quadratic, 2.4 s of a 300-page issue's build.
        Map<Integer, Integer> pageAt = new TreeMap<>();
        for (IssueView.SectionView section : view.sections()) {
            for (IssueView.ArticleView article : section.articles()) {
                Integer page = anchors.get(article.anchor());
                int at = xhtml.indexOf("id=\"" + article.anchor() + "\"");
                if (page != null && at >= 0) {
                    pageAt.put(at, page);
                }
            }
        }
        MessageDigest digest = Sha256.digest();
        int done = 0;
        for (Map.Entry<Integer, Integer> entry : pageAt.entrySet()) {
            digest.update(xhtml.substring(done, entry.getKey()).getBytes(StandardCharsets.UTF_8));
            done = entry.getKey();
            try {
                MessageDigest copy = (MessageDigest) digest.clone();
                pages.put(HexFormat.of().formatHex(copy.digest()), entry.getValue());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
            }
        }
    }
}
