package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.digestpress.BuiltIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A web stylesheet naming a font whose TrueType file is not a font: one sentence, no Java, the page still written. */
class WebFontsCliTest {

    @Test
    void aBrokenFontForTheWebIsReportedInWords(@TempDir Path temp) throws Exception {
        CliHarness harness = new CliHarness(temp);
        Path templates = temp.resolve("templates");
        Path fonts = temp.resolve("fonts");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("templates"), templates);
        CliHarness.copyTree(BuiltIssue.REPO.resolve("fonts"), fonts);
        CliHarness.write(fonts.resolve("Broken.ttf"), "this is not a font, only text in a .ttf file");
        Path css = templates.resolve("web.css.ftl");
        Files.writeString(css, "@font-face { font-family: \"Broken\"; src: url(\"fonts/Broken.woff\") format(\"woff\"); }\n"
                + Files.readString(css));
        CliHarness.Outcome outcome = harness.run("build", harness.publication().resolve("2030-01").toString(), "-o",
                temp.resolve("out/2030-01.pdf").toString(), "--web", "--templates", templates.toString(),
                "--fonts", fonts.toString());
        CliHarness.assertNoJavaNoise(outcome);
        assertEquals(1, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("error: The font 'Broken.woff' for the web edition cannot be made from its "
                + "TrueType file in"), outcome.err());
        assertTrue(Files.isRegularFile(temp.resolve("out/2030-01/index.html")), "the rest of the edition is written");
        assertFalse(Files.exists(temp.resolve("out/2030-01/fonts/Broken.woff")));
        assertTrue(Files.size(temp.resolve("out/2030-01/fonts/PTS55F.woff")) > 1000);
    }
}
