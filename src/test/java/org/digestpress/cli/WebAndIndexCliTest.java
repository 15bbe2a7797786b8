package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.digestpress.web.HtmlValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digest build --web} on the fixture with both indexes and a region spelled two ways. */
class WebAndIndexCliTest {

    @Test
    void buildWithWebWritesTheIssueAsAPageAndWarnsAboutASecondSpelling(@TempDir Path temp) throws Exception {
        CliHarness harness = new CliHarness(temp);
        Path publication = harness.publication();
        Files.writeString(publication.resolve("publication.yaml"), "\nindex: [tags, regions]\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path brief = publication.resolve("2030-01/briefs/01-forum.md");
        Files.writeString(brief, Files.readString(brief, StandardCharsets.UTF_8)
                .replace("source: Тестовое агентство", "source: Тестовое агентство\nregion: томская обл."));
        CliHarness.write(publication.resolve("2030-01/briefs/03-partners.md"), CliHarness.article(
                "title: Partners from abroad join the cluster forum\nlanguage: en\nregion: Томская область\n",
                "Three foreign companies will present their work at the forum in March.\n"));
        Map<Path, String> before = harness.snapshot();
        Path pdf = temp.resolve("out/2030-01.pdf");

        CliHarness.Outcome outcome = harness.run("build", publication.resolve("2030-01").toString(), "-o", pdf.toString(),
                "--web");

        assertEquals(0, outcome.exit(), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        CliHarness.assertUnchanged(before, harness.snapshot());
        assertTrue(outcome.err().contains("2030-01/briefs/01-forum.md:4: warning: The region 'томская обл.' is spelled "
                + "'Томская область' in 2030-01/news/02-klaster.md:6"), outcome.err());
        assertTrue(outcome.out().contains("web edition: "), outcome.out());
        Path page = temp.resolve("out/2030-01/index.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        int regions = html.indexOf("id=\"index-regions\"");
        int tags = html.indexOf("id=\"index-tags\"");
        assertTrue(regions > 0 && tags > regions, "regions first, then tags, whatever order publication.yaml names them");
        assertTrue(html.contains("<dt>мероприятия</dt>") && html.contains("<dt>Томская область</dt>"));
        assertFalse(html.contains("<dt>томская обл.</dt>"), "the second spelling is listed under the first");
        assertTrue(Files.isRegularFile(temp.resolve("out/2030-01/2030-01.pdf")));
        assertTrue(html.contains("<html lang=\"ru\">"));
        assertTrue(html.contains("<article class=\"article\" id=\"article-briefs-03-partners\" lang=\"en\""),
                "an article in another language says so");
        assertEquals(List.of(), HtmlValidator.errors(page));
    }

    @Test
    void withoutWebNoPageIsWritten(@TempDir Path temp) throws IOException {
        CliHarness harness = new CliHarness(temp);
        Path pdf = temp.resolve("out/2030-01.pdf");
        CliHarness.Outcome outcome = harness.run("build", harness.publication().resolve("2030-01").toString(), "-o",
                pdf.toString());
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(Files.isRegularFile(pdf));
        assertFalse(Files.exists(temp.resolve("out/2030-01")), "the web edition only when asked for");
        assertFalse(outcome.out().contains("web edition"));
    }
}
