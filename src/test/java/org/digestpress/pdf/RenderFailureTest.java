package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import org.digestpress.BuiltIssue;
import org.digestpress.assets.Assets;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure inside the renderer that no input explains is a bug, and the diagnostic says so with
 * the exception's type and message, instead of sending the editor to the templates. The failure
 * is forced through an object drawer that fails inside the JDK (so not in digestpress's code,
 * which was already reported as ours).
 */
class RenderFailureTest {

    private static final String XHTML = "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ru\"><head><title>t</title>"
            + "<style>body { font-family: 'PT Serif'; } object { display: block; width: 50mm; height: 20mm; }</style>"
            + "</head><body><p>Текст.</p><object type=\"failing\" alt=\"x\"></object></body></html>";

    @TempDir
    Path dir;

    @Test
    void aRendererFailureThatNoInputExplainsIsReportedAsABug() throws Exception {
        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        drawers.registerDrawer("failing", (element, x, y, width, height, device, context, dotsPerPixel) -> {
            Integer.parseInt(element.getAttribute("type")); // NumberFormatException, thrown in java.lang
            return null;
        });
        Path output = dir.resolve("out.pdf");
        Files.writeString(output, "previous");
        Problems problems = new Problems();
        PdfWriter.Result result = new PdfWriter(FontSet.load(Assets.directory(BuiltIssue.REPO.resolve("fonts"))), drawers)
                .write(XHTML, List.of(dir), output, new DocumentInfo("ru", ZonedDateTime.of(2030, 1, 1, 0, 0, 0, 0,
                        ZoneOffset.UTC)), problems);
        assertNull(result);
        List<Problem> all = problems.all();
        assertEquals(1, all.size(), all.toString());
        String message = all.get(0).message();
        assertTrue(message.contains("internal error of digestpress (NumberFormatException: For input string: \"failing\")"),
                message);
        assertTrue(message.contains("not in your files"), message);
        assertFalse(message.contains("templates"), message);
        assertFalse(message.contains("\tat "), "no trace without DIGESTPRESS_DEBUG");
        assertEquals("previous", Files.readString(output), "the previous PDF stays");
    }

    @Test
    void failuresThatInputExplainsStillNameTheInput() {
        assertTrue(RenderFailure.describe(new StackOverflowError()).startsWith("the document nests too deeply"));
        assertTrue(RenderFailure.describe(new OutOfMemoryError()).startsWith("the document needs more memory"));
        assertTrue(RenderFailure.describe(new IllegalStateException("x")).contains("internal error of digestpress"));
    }
}
