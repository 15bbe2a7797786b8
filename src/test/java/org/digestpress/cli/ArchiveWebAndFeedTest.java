package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.digestpress.archive.AtomSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code digest archive} publishes besides the PDFs, as a reader and a feed reader find it:
 * each issue's web edition beside its PDF, linked from {@code index.html}; {@code feed.xml}, valid
 * Atom, whose every link leads to a file of the archive (and every anchor to an article of a web
 * edition); and both covered by the record, so {@code --verify} and the next run notice a damaged file.
 */
class ArchiveWebAndFeedTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @TempDir
    static Path shared;
    static CliHarness harness;
    static CliHarness.Outcome firstRun;
    static Path archive;

    @TempDir
    Path temp;

    @BeforeAll
    static void archiveBothIssues() {
        harness = new CliHarness(shared, ArchiveCommandTest.TWO_ISSUES);
        archive = shared.resolve("archive");
        firstRun = harness.run("archive", harness.publication().toString(), "-o", archive.toString(), "--jobs", "2");
    }

    @Test
    void eachIssueHasItsWebEditionBesideItsPdfLinkedFromTheIndex() throws IOException {
        assertEquals(0, firstRun.exit(), firstRun.err());
        String index = Files.readString(archive.resolve("index.html"));
        for (String issue : List.of("2030-01", "2030-02")) {
            Path page = archive.resolve("2030/" + issue + "/index.html");
            assertTrue(Files.isRegularFile(page), issue);
            assertTrue(index.contains("href=\"2030/" + issue + "/index.html\""), "index.html links the web edition of " + issue);
            String html = Files.readString(page);
            for (String link : links(html, Pattern.compile("(?:src|href)=\"([^\"]*)\""))) {
                if (link.startsWith("#") || link.matches("[A-Za-z][A-Za-z+.-]*:.*")) {
                    continue; // an anchor in the page, or a link to the web the articles make
                }
                String file = link.split("#", 2)[0];
                assertTrue(Files.isRegularFile(page.getParent().resolve(decode(file))), issue + " links a missing " + link);
            }
        }
        assertTrue(index.contains("<link rel=\"alternate\" type=\"application/atom+xml\""), "browsers find the feed");
        assertTrue(index.contains("class=\"feed\" href=\"feed.xml\""), "readers see a link to the feed");
    }

    @Test
    void theFeedIsValidAtomAndEveryLinkLeadsIntoTheArchive() throws Exception {
        String feed = Files.readString(archive.resolve("feed.xml"));
        assertEquals(List.of(), AtomSchema.errors(feed), feed);
        assertEquals(List.of(), AtomSchema.ruleErrors(feed), feed);
        List<String> links = links(feed, HREF);
        int anchors = 0;
        for (String link : links) {
            String[] parts = link.split("#", 2);
            Path file = archive.resolve(decode(parts[0]));
            assertTrue(Files.isRegularFile(file), "feed.xml links a missing " + link);
            if (parts.length == 2 && parts[1].startsWith("article-")) {
                assertTrue(Files.readString(file).contains("id=\"" + parts[1] + "\""), link + ": no such article");
                anchors++;
            }
        }
        assertEquals(12, anchors, "every article of both issues links to its place in the web edition");
        assertEquals(12, links.stream().filter(l -> l.matches("2030/2030-0\\d/[a-z]+/\\d\\d-[a-z]+\\.pdf")).count(),
                "and to its offprint: " + links);
        assertTrue(feed.indexOf("<updated>2030-02-01T00:00:00Z</updated>") < feed.indexOf("<entry>"),
                "the feed is as new as its newest issue");
    }

    @Test
    void theRecordCoversTheWebEditionAndTheFeed() throws IOException {
        Map<String, Object> record = ArchiveCommandTest.json(archive.resolve("archive.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> feed = (Map<String, Object>) record.get("feed");
        assertEquals("feed.xml", feed.get("path"));
        for (Map<String, Object> issue : ArchiveCommandTest.maps(record.get("issues"))) {
            Map<String, String> recorded = new TreeMap<>();
            for (Map<String, Object> file : ArchiveCommandTest.maps(issue.get("web"))) {
                recorded.put((String) file.get("path"), (String) file.get("sha256"));
            }
            Path folder = archive.resolve("2030/" + issue.get("issue"));
            Map<String, String> onDisk = new TreeMap<>();
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String path = archive.relativize(file).toString();
                    boolean offprint = file.getParent().equals(folder) ? false : file.toString().endsWith(".pdf")
                            && !file.getParent().getFileName().toString().matches("images|fonts");
                    if (!offprint) {
                        onDisk.put(path, org.digestpress.assets.Sha256.hex(Files.readAllBytes(file)));
                    }
                }
            }
            assertEquals(onDisk, recorded, "every file of the web edition of " + issue.get("issue") + ", as it is");
            assertTrue(recorded.containsKey("2030/" + issue.get("issue") + "/index.html"));
        }
    }

    @Test
    void aDamagedWebFileIsFoundByVerifyAndRepairedByTheNextRun() throws IOException {
        Path copy = temp.resolve("archive");
        CliHarness.copyTree(archive, copy);
        Path image = copy.resolve("2030/2030-01/images");
        Path damaged;
        try (Stream<Path> files = Files.list(image)) {
            damaged = files.sorted().findFirst().orElseThrow();
        }
        byte[] good = Files.readAllBytes(damaged);
        Files.writeString(damaged, "<svg/>");
        Files.delete(copy.resolve("feed.xml"));
        CliHarness.Outcome verify = harness.run("archive", "--verify", "-o", copy.toString());
        assertEquals(1, verify.exit(), verify.out() + verify.err());
        String said = verify.out() + verify.err();
        assertTrue(said.contains("2030/2030-01/images/" + damaged.getFileName() + ": changed since it was archived"), said);
        assertTrue(said.contains("feed.xml: missing"), said);
        CliHarness.Outcome run = harness.run("archive", harness.publication().toString(), "-o", copy.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("2030-01: repaired"), run.out());
        assertTrue(run.out().contains("2030-02: up to date"), run.out());
        assertArrayEquals(good, Files.readAllBytes(damaged));
        assertArrayEquals(Files.readAllBytes(archive.resolve("feed.xml")), Files.readAllBytes(copy.resolve("feed.xml")),
                "the feed is written again, byte for byte");
    }

    private static List<String> links(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&"));
        }
        return out;
    }

    private static String decode(String link) {
        return URLDecoder.decode(link, StandardCharsets.UTF_8);
    }
}
