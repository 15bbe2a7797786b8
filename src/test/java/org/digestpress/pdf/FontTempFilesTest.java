package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.digestpress.BuiltIssue;
import org.digestpress.assets.Assets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that ends at once leaves nothing in the temporary folder. The resident engine halts
 * when its client goes away during a command (Ctrl-C), and any process may be killed; AWT deletes
 * the copies it makes of fonts handed to it as streams only in a shutdown hook, which neither runs.
 */
class FontTempFilesTest {

    @TempDir
    Path temporary;

    @Test
    void aProcessHaltedAfterLoadingTheFontsLeavesNoCopiesOfThemBehind() throws Exception {
        Path out = temporary.resolve("out.txt");
        Path tmp = Files.createDirectories(temporary.resolve("tmp"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                LoadThenHalt.class.getName(), BuiltIssue.REPO.resolve("fonts").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertEquals(0, child.waitFor(), Files.readString(out));
        assertEquals("PT Serif, PT Sans: registered", Files.readString(out).strip(), "the faces reach AWT");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "files left in the temporary folder");
        }
    }

    /** Loads the fonts as a build does, then ends as the engine does when its client is gone. */
    public static final class LoadThenHalt {
        public static void main(String[] args) {
            FontSet.load(Assets.directory(Path.of(args[0])));
            List<String> families = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames());
            boolean both = families.contains(FontSet.SERIF) && families.contains(FontSet.SANS)
                    && new Font(FontSet.SERIF, Font.PLAIN, 10).canDisplay('Ж');
            System.out.println(both ? "PT Serif, PT Sans: registered" : "missing from AWT: " + families);
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }
}
