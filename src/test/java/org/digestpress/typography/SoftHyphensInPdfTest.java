package org.digestpress.typography;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract between this stage and the pdf stage, checked on openhtmltopdf itself: soft hyphens
 * from {@link Typographer#fragment} make openhtmltopdf 1.1.65 break words in a narrow justified
 * column, draw a visible hyphen at each break, and leave no U+00AD in the PDF's text (it strips
 * U+00AD before measuring and drawing: TextRenderer.getEffectivePrintableString).
 */
class SoftHyphensInPdfTest {
    private static final Path FONT = Path.of("fonts/PTF55F.ttf");
    private static final String TEXT = ("Правительство Российской Федерации рассмотрело государственную программу "
            + "экономического развития и безопасности сельскохозяйственных предприятий. ").repeat(3);
    private static final Pattern HYPHEN_AT_LINE_END = Pattern.compile("\\p{L}-\\r?\\n");

    @ParameterizedTest(name = "PDF/UA and PDF/A: {0}")
    @ValueSource(booleans = {false, true})
    void softHyphensBecomeVisibleHyphensAndDoNotLeakIntoTheText(boolean archival) throws IOException {
        String paragraph = Typographer.forLanguage("ru").fragment("<p>" + TEXT + "</p>");
        assertTrue(paragraph.indexOf('\u00AD') >= 0, "the stage must have inserted soft hyphens");

        String extracted = extractText(render(paragraph, archival));

        assertEquals(-1, extracted.indexOf('\u00AD'), "U+00AD leaked into the PDF text: " + extracted);
        Matcher breaks = HYPHEN_AT_LINE_END.matcher(extracted);
        int hyphenatedLines = 0;
        while (breaks.find()) {
            hyphenatedLines++;
        }
        assertTrue(hyphenatedLines >= 3, "expected words broken with a visible hyphen, got:\n" + extracted);
        // Nothing lost or added: joining the broken words gives back the text (white space aside,
        // since PDFTextStripper reads the letter spacing of a justified one-word line as spaces,
        // and the no-break spaces of the rules come out as U+00A0).
        String rejoined = extracted.replaceAll("-\\r?\\n", "").replaceAll("[\\s\u00A0]+", "");
        String expected = TEXT.replaceAll("\\s+", "");
        assertEquals(expected, rejoined);
    }

    @ParameterizedTest(name = "control, PDF/UA and PDF/A: {0}")
    @ValueSource(booleans = {false, true})
    void withoutSoftHyphensNoWordIsBroken(boolean archival) throws IOException {
        String paragraph = Typographer.forLanguage("ru").fragment("<p class=\"nohyphens\">" + TEXT + "</p>");
        String extracted = extractText(render(paragraph, archival));
        assertEquals(false, HYPHEN_AT_LINE_END.matcher(extracted).find(), extracted);
    }

    private static byte[] render(String bodyXhtml, boolean archival) throws IOException {
        assertTrue(Files.isRegularFile(FONT), "run from the project directory: " + FONT.toAbsolutePath());
        String html = "<html lang=\"ru\"><head><title>Проверка</title><meta name=\"subject\" content=\"переносы\"/>"
                + "<style>@page { size: A5; margin: 15mm } body { font-family: 'PT Serif'; font-size: 11pt }"
                + " p { width: 32mm; text-align: justify }</style></head><body>" + bodyXhtml + "</body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFont(FONT.toFile(), "PT Serif");
        if (archival) {
            builder.usePdfUaAccessibility(true);
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
            builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        }
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }

    private static String extractText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
