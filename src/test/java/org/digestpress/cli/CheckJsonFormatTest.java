package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** {@code digest check --format json}: one JSON object per problem, for CI annotations. */
class CheckJsonFormatTest {

    @TempDir
    Path temp;

    @Test
    void everyProblemIsOneJsonLineWithFileLineColumnSeverityAndMessage() throws IOException {
        CliHarness harness = new CliHarness(temp);
        Path article = harness.publication().resolve("2030-01/news/02-klaster.md");
        Files.writeString(article, Files.readString(article).replaceFirst("title: [^\\n]*\\n", "title: [unclosed\n")
                + "\nТекст со вставкой <script>x()</script> в середине.\n");
        Path briefs = harness.publication().resolve("2030-01/briefs/01-forum.md");
        Files.writeString(briefs, Files.readString(briefs) + "\nВставка <script>y()</script> и кавычки \"в тексте\".\n");

        CliHarness.Outcome run = harness.run("check", "--format", "json", harness.publication().resolve("2030-01").toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals("", run.err(), "JSON mode prints only JSON, on stdout");
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.size() >= 2, run.out());
        boolean error = false;
        boolean warning = false;
        for (String line : lines) {
            @SuppressWarnings("unchecked")
            Map<String, Object> problem = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(line);
            assertEquals(Set.of("file", "line", "column", "severity", "message"), problem.keySet(), line);
            assertTrue(problem.get("line") instanceof Integer && problem.get("column") instanceof Integer, line);
            assertTrue(problem.get("message") instanceof String m && !m.isBlank(), line);
            String file = (String) problem.get("file");
            if ("error".equals(problem.get("severity"))) {
                error |= file.endsWith("2030-01/news/02-klaster.md") && (Integer) problem.get("line") > 0;
            } else {
                assertEquals("warning", problem.get("severity"));
                warning |= file.endsWith("2030-01/briefs/01-forum.md") && (Integer) problem.get("line") > 0;
            }
        }
        assertTrue(error && warning, run.out());
    }

    @Test
    void textStaysTheDefault() {
        CliHarness harness = new CliHarness(temp);
        CliHarness.Outcome run = harness.run("check", harness.publication().resolve("2030-01").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("2030-01: no errors"), run.out());
    }
}
