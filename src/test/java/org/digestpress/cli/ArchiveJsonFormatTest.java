package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code digest archive --format json}: the CI recipes' one step that archives and annotates. Its
 * standard output must be exactly what {@code check --format json} prints for the same problem, so
 * the annotation filter of docs/ci reads both, and nothing else.
 */
class ArchiveJsonFormatTest {

    @TempDir
    Path temp;

    @Test
    void strictArchivePrintsTheRecordedWarningAsCheckDoesAndTheProgressOnStderr() throws IOException {
        CliHarness harness = new CliHarness(temp, ArchiveCommandTest.TWO_ISSUES);
        Path publication = harness.publication();
        Path article = publication.resolve("2030-02/briefs/02-reestr.md");
        Files.writeString(article, Files.readString(article) + "\nТекст со вставкой <script>x()</script> в середине.\n");
        String out = temp.resolve("archive").toString();

        CliHarness.Outcome lenient = harness.run("archive", publication.toString(), "-o", out, "--jobs", "2");
        assertEquals(0, lenient.exit(), lenient.err());
        assertTrue(lenient.out().contains("2030-02: built") && lenient.out().contains("1 warning"), lenient.out());

        // Both issues are up to date now; --strict fails February on the warning its build recorded.
        CliHarness.Outcome json = harness.run("archive", publication.toString(), "-o", out, "--strict",
                "--format", "json");
        assertEquals(1, json.exit(), json.out() + json.err());
        List<String> lines = json.out().lines().toList();
        assertEquals(1, lines.size(), "standard output holds only the JSON problems: " + json.out());

        CliHarness.Outcome check = harness.run("check", "--format", "json", publication.resolve("2030-02").toString());
        assertEquals(0, check.exit(), check.out() + check.err());
        assertEquals(check.out().lines().toList(), lines, "the same line as check --format json");
        assertTrue(lines.get(0).contains("\"severity\":\"warning\"") && lines.get(0).contains("02-reestr.md\",\"line\":"),
                lines.get(0));

        assertTrue(json.err().contains("2030-01: up to date"), json.err());
        assertTrue(json.err().contains("2030-02: failed (1 warning with --strict)"), json.err());
        assertTrue(json.err().contains("index.html: 0 built, 1 up to date, 1 failed"), json.err());
        assertTrue(!json.err().contains(": warning: "), "no text diagnostics besides the JSON: " + json.err());
    }

    @Test
    void aRunWithoutPublicationIsOneJsonProblem() {
        CliHarness harness = new CliHarness(temp, ArchiveCommandTest.TWO_ISSUES);
        CliHarness.Outcome run = harness.run("archive", temp.resolve("nowhere").toString(), "-o",
                temp.resolve("archive").toString(), "--format", "json");
        assertEquals(1, run.exit(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("{\"file\":") && lines.get(0).contains("\"severity\":\"error\"")
                && lines.get(0).contains("publication.yaml"), lines.get(0));
    }
}
