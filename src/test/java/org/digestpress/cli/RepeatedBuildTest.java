package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds that share one process (bench/run's warm figures, a resident builder) reuse parsed fonts,
 * XML parsers and remembered hyphenation; articles are converted in parallel. None of that may
 * show in the output or in the report.
 */
class RepeatedBuildTest {

    @TempDir
    Path temp;

    @Test
    void buildingTwiceInOneProcessPrintsEachBuildAndWritesTheSameBytes() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Path issue = cli.publication().resolve("2030-01");
        Path once = temp.resolve("once.pdf");
        Path twice = temp.resolve("twice.pdf");

        CliHarness.Outcome first = cli.run("build", issue.toString(), "-o", once.toString());
        CliHarness.Outcome repeated = cli.run("build", issue.toString(), "-o", twice.toString(), "--repeat", "2");

        assertEquals(0, first.exit(), first.err());
        assertEquals(0, repeated.exit(), repeated.err());
        List<String> lines = repeated.out().lines().toList();
        assertEquals(3, lines.size(), repeated.out());
        assertTrue(Pattern.matches("build 1: \\d+ ms", lines.get(0)), lines.get(0));
        assertTrue(Pattern.matches("build 2: \\d+ ms", lines.get(1)), lines.get(1));
        assertTrue(lines.get(2).contains("twice.pdf: "), lines.get(2));
        CliHarness.assertNoJavaNoise(repeated);
        assertArrayEquals(Files.readAllBytes(once), Files.readAllBytes(twice));
    }

    @Test
    void problemsOfArticlesConvertedInParallelAreAllReportedInSourceOrder() {
        CliHarness cli = new CliHarness(temp);
        Path issue = cli.publication().resolve("2030-01");
        for (String article : List.of("news/02-klaster.md", "briefs/01-forum.md", "research/02-metodika.md")) {
            Path file = issue.resolve(article);
            try {
                CliHarness.write(file, Files.readString(file) + "\nSee @fig:nowhere and @tbl:nothing.\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        CliHarness.Outcome outcome = cli.run("check", issue.toString());

        assertEquals(DigestCommand.CONTENT_ERRORS, outcome.exit());
        List<String> errors = outcome.err().lines().filter(l -> l.contains("refers to no")).toList();
        assertEquals(6, errors.size(), outcome.err());
        assertTrue(errors.get(0).startsWith("2030-01/briefs/01-forum.md:") && errors.get(0).contains("@fig:nowhere"), errors.get(0));
        assertTrue(errors.get(1).startsWith("2030-01/briefs/01-forum.md:") && errors.get(1).contains("@tbl:nothing"), errors.get(1));
        assertTrue(errors.get(2).startsWith("2030-01/news/02-klaster.md:"), errors.get(2));
        assertTrue(errors.get(4).startsWith("2030-01/research/02-metodika.md:"), errors.get(4));
        assertEquals(outcome.err(), cli.run("check", issue.toString()).err(), "a second run reports the same");
    }
}
