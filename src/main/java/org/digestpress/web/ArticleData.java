package org.digestpress.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.digestpress.layout.IssueView;

/**
 * An article's schema.org {@code NewsArticle} record, for a search engine or a reader app, as
 * JSON-LD: data in a {@code <script type="application/ld+json">}, which a browser never runs.
 * Addresses are relative to the page (the build does not know where it will be published).
 */
final class ArticleData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticleData() {
    }

    /** @return JSON safe inside a {@code <script>} element (no {@code <} in it) */
    static String json(IssueView view, IssueView.SectionView section, IssueView.ArticleView article, String image) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("@id", "#" + article.anchor());
        data.put("url", "#" + article.anchor());
        data.put("headline", article.title());
        data.put("inLanguage", article.language());
        if (article.lead() != null) {
            data.put("description", article.lead().replace("\u00ad", ""));
        }
        if (view.meta().published() != null) {
            data.put("datePublished", view.meta().published()); // the issue's month: ISO 8601 "2025-06"
        }
        data.put("articleSection", section.title());
        if (!article.tags().isEmpty()) {
            data.put("keywords", String.join(", ", article.tags()));
        }
        if (article.region() != null && !article.region().isBlank()) {
            // not Map.of: its order changes with every JVM start, and so would the page's bytes
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            place.put("name", article.region());
            data.put("contentLocation", place);
        }
        if (image != null) {
            data.put("image", image);
        }
        if (article.sourceUrl() != null && !article.sourceUrl().isBlank()) {
            data.put("isBasedOn", article.sourceUrl());
        }
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", view.publisher().name());
        if (view.publisher().web() != null) {
            publisher.put("url", view.publisher().web());
        }
        data.put("publisher", publisher);
        data.put("author", publisher);
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("@type", "PublicationIssue");
        issue.put("issueNumber", Integer.toString(view.number()));
        issue.put("name", view.documentTitle());
        data.put("isPartOf", issue);
        try {
            // "<" as an escape: no "</script>" or "<!--" can end or bend the element; JSON reads it as "<"
            return JSON.writeValueAsString(data).replace("\u00ad", "").replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always makes JSON", e);
        }
    }
}
