package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digest new issue} and {@code digest new article} on a copy of the fixture publication. */
class NewCommandTest {

    @TempDir
    Path temp;

    @Test
    void aNewIssueGetsTheNextNumberAndAFolderPerSection() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "issue", "2030-02", "--content", cli.publication().toString());
        assertEquals(0, outcome.exit(), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        Path issue = cli.publication().resolve("2030-02");
        String yaml = Files.readString(issue.resolve("issue.yaml"));
        assertTrue(yaml.contains("number: 2\n"), yaml);
        assertTrue(yaml.contains("date: \"2030-02\""), yaml);
        for (String section : List.of("news", "briefs", "research")) {
            assertTrue(Files.isDirectory(issue.resolve(section)), section);
        }
        assertTrue(outcome.out().contains("2030-02/issue.yaml"), outcome.out());
        CliHarness.assertUnchanged(before, cli.snapshot());
    }

    @Test
    void aNewArticleGoesIntoTheNewestIssueWithTheNextNumberAndALatinName() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "article", "news", "Щёлковский кластер: «Юг» и Хабаровск",
                "--content", cli.publication().toString());
        assertEquals(0, outcome.exit(), outcome.err());
        Path file = cli.publication().resolve("2030-01/news/03-shchelkovskii-klaster-iug-i-khabarovsk.md");
        assertTrue(Files.isRegularFile(file), outcome.out() + listing(cli.publication().resolve("2030-01/news")));
        assertTrue(outcome.out().strip().endsWith("2030-01/news/03-shchelkovskii-klaster-iug-i-khabarovsk.md"),
                outcome.out());
        String text = Files.readString(file);
        assertTrue(text.startsWith("---\ntitle: \"Щёлковский кластер: «Юг» и Хабаровск\"\n"), text);
        assertTrue(text.contains("\ndate: " + LocalDate.now() + "\n"), text);
        assertTrue(text.contains("\ndraft: true"), text);
        // the placeholder body is in the publication's language (Russian here), from its labels
        assertTrue(text.contains("\nТекст новости в Markdown"), text);
        for (String key : List.of("lead", "source", "region", "tags", "image", "weight", "language")) {
            assertTrue(text.contains("\n# " + key + ":"), key + " is offered, commented");
        }
        CliHarness.assertUnchanged(before, cli.snapshot());

        // The new draft is a valid article: the issue still checks clean with it included.
        CliHarness.Outcome check = cli.run("check", cli.publication().resolve("2030-01").toString(), "--drafts");
        assertEquals(0, check.exit(), check.err());

        CliHarness.Outcome second = cli.run("new", "article", "news", "Щёлковский кластер: «Юг» и Хабаровск",
                "--content", cli.publication().toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(Files.isRegularFile(cli.publication().resolve(
                "2030-01/news/04-shchelkovskii-klaster-iug-i-khabarovsk.md")), "the same title twice: a new number");
        assertEquals(text, Files.readString(file), "the first one untouched");
    }

    @Test
    void anExistingIssueIsNeverOverwritten() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "issue", "2030-01", "--content", cli.publication().toString());
        assertEquals(1, outcome.exit());
        assertTrue(outcome.err().contains("already exists"), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        assertEquals(before, cli.snapshot());
    }

    @Test
    void anUnknownSectionIsRefusedNamingTheSections() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "article", "sport", "Матч", "--content",
                cli.publication().toString());
        assertEquals(1, outcome.exit());
        assertTrue(outcome.err().contains("no section 'sport'") && outcome.err().contains("news, briefs, research"),
                outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        assertEquals(before, cli.snapshot());
    }

    @Test
    void aMalformedDateIsRefusedShowingTheForm() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Map<Path, String> before = cli.snapshot();
        for (String bad : List.of("2030-13", "2030-1", "июль", "2030-07-01")) {
            CliHarness.Outcome outcome = cli.run("new", "issue", bad, "--content", cli.publication().toString());
            assertEquals(1, outcome.exit(), bad);
            assertTrue(outcome.err().contains("YYYY-MM") && outcome.err().contains("'" + bad + "'"), outcome.err());
            CliHarness.assertNoJavaNoise(outcome);
        }
        assertEquals(before, cli.snapshot());
        assertFalse(Files.exists(cli.publication().resolve("2030-13")));
    }

    private static String listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }
}
