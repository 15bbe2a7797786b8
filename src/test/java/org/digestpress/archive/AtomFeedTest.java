package org.digestpress.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The feed as written from an archive record: valid Atom (RFC 4287's grammar, run by jing), links
 * absolute exactly when the publication says where the archive is published, ids that stay the
 * same when it moves, and dates from the issues.
 */
class AtomFeedTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("<id>([^<]*)</id>");

    static ArchiveRecord record(ArchiveRecord.Site site) {
        ArchiveRecord.Pdf pdf = new ArchiveRecord.Pdf("2030/2030-01.pdf", "ab", 12, 3456, "PDF/A-3u", "PDF/UA-1");
        ArchiveRecord.Pdf offprint = new ArchiveRecord.Pdf("2030/2030-01/news/01-завод.pdf", "cd", 2, 789,
                "PDF/A-3u", "PDF/UA-1");
        ArchiveRecord.FileSum cover = new ArchiveRecord.FileSum("2030/2030-01.png", "aa", 100);
        List<ArchiveRecord.FileSum> web = List.of(new ArchiveRecord.FileSum("2030/2030-01/index.html", "ee", 50),
                new ArchiveRecord.FileSum("2030/2030-01/images/a.svg", "ff", 60));
        ArchiveRecord.Article russian = new ArchiveRecord.Article(1, "news/01-завод.md", "Новости",
                "Завод & «кластер» <открыт>", 4, offprint, "article-news-01-zavod", "Лид\u00ad статьи.", "Калужская область",
                "ru");
        ArchiveRecord.Article english = new ArchiveRecord.Article(2, "news/02-plant.md", "Новости", "A plant", 5,
                offprint, "article-news-02-plant", null, null, "en");
        ArchiveRecord.Issue issue = new ArchiveRecord.Issue("2030-01", 1, "Выпуск № 1", "Январь 2030", pdf, cover, "1.0",
                "ee", new TreeMap<>(Map.of("publication/publication.yaml", "x")), List.of(russian, english), List.of(), web);
        return new ArchiveRecord("Вестник", "ru", site, null, null, List.of(issue));
    }

    private static final ArchiveRecord.Site PUBLISHED = new ArchiveRecord.Site("https://example.org/digest/",
            "Обсерватория", "example.org", "tag:example.org,2030-01:digest-abc");
    private static final ArchiveRecord.Site LOCAL = new ArchiveRecord.Site(null, "Обсерватория", "example.org",
            "tag:example.org,2030-01:digest-abc");

    @Test
    void theFeedIsValidAtom() throws Exception {
        for (ArchiveRecord.Site site : new ArchiveRecord.Site[] {PUBLISHED, LOCAL, null}) {
            String xml = AtomFeed.xml(record(site), "Архив выпусков");
            assertEquals(List.of(), AtomSchema.errors(xml), xml);
            assertEquals(List.of(), AtomSchema.ruleErrors(xml), xml);
        }
    }

    /** The check can fail: a feed without an id, or with a clock-style date, is refused. */
    @Test
    void theSchemaRefusesABrokenFeed() throws Exception {
        String xml = AtomFeed.xml(record(PUBLISHED), "Архив выпусков");
        assertFalse(AtomSchema.errors(xml.replaceFirst("<id>[^<]*</id>", "")).isEmpty());
        assertFalse(AtomSchema.errors(xml.replace("2030-01-01T00:00:00Z", "1 Jan 2030")).isEmpty());
        assertFalse(AtomSchema.ruleErrors(xml.replace("<author>", "<contributor>").replace("</author>",
                "</contributor>")).isEmpty());
    }

    @Test
    void linksAreAbsoluteOnlyWhenThePublicationSaysWhereTheArchiveIs() {
        String published = AtomFeed.xml(record(PUBLISHED), "Архив выпусков");
        List<String> links = all(HREF, published);
        assertTrue(links.contains("https://example.org/digest/2030/2030-01/index.html#article-news-01-zavod"), links.toString());
        assertTrue(links.contains("https://example.org/digest/2030/2030-01/news/01-%D0%B7%D0%B0%D0%B2%D0%BE%D0%B4.pdf"),
                links.toString());
        assertTrue(links.stream().allMatch(l -> l.startsWith("https://example.org/digest/")), links.toString());
        List<String> relative = all(HREF, AtomFeed.xml(record(LOCAL), "Архив выпусков"));
        assertTrue(relative.contains("2030/2030-01/index.html#article-news-01-zavod"), relative.toString());
        assertTrue(relative.contains("feed.xml"), relative.toString());
        assertTrue(relative.stream().noneMatch(l -> l.contains("://")), relative.toString());
    }

    /** Ids are tag: URIs that do not change with the address; every id is unique; dates are the issue's. */
    @Test
    void idsAreStableAndUniqueAndDatesComeFromTheIssue() {
        String published = AtomFeed.xml(record(PUBLISHED), "Архив выпусков");
        List<String> ids = all(ID, published);
        assertEquals(ids, all(ID, AtomFeed.xml(record(LOCAL), "Архив выпусков")), "moving the archive changes no id");
        assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
        assertTrue(ids.stream().allMatch(i -> i.matches("tag:example\\.org,2030-01:digest-abc(/[-%/A-Za-z0-9]+)?")),
                ids.toString());
        List<String> noAuthority = all(ID, AtomFeed.xml(record(null), "Архив выпусков"));
        assertTrue(noAuthority.stream().allMatch(i -> i.startsWith("urn:uuid:")), noAuthority.toString());
        assertTrue(published.contains("<updated>2030-01-01T00:00:00Z</updated>"));
        assertFalse(published.contains("\u00ad"), "soft hyphens are the PDF's");
        assertTrue(published.contains("<entry xml:lang=\"en\">"), "an English article says so");
        assertEquals(published, AtomFeed.xml(record(PUBLISHED), "Архив выпусков"));
    }

    /** An issue archived before web editions existed: its entries open the PDF, and say so. */
    @Test
    void withoutAWebEditionTheEntriesOpenThePdf() throws Exception {
        ArchiveRecord withWeb = record(LOCAL);
        ArchiveRecord.Issue i = withWeb.issues().get(0);
        ArchiveRecord old = new ArchiveRecord("Вестник", "ru", LOCAL, null, null, List.of(new ArchiveRecord.Issue(
                i.issue(), i.number(), i.issueLabel(), i.monthLabel(), i.pdf(), i.cover(), i.digestpress(),
                i.inputsSha256(), i.inputs(), i.articles(), i.warnings())));
        String xml = AtomFeed.xml(old, "Архив выпусков");
        assertEquals(List.of(), AtomSchema.errors(xml), xml);
        assertTrue(xml.contains("<link rel=\"alternate\" type=\"application/pdf\" href=\"2030/2030-01.pdf#page=4\"/>"), xml);
        assertFalse(xml.contains("index.html#"), xml);
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
