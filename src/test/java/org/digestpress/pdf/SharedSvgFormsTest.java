package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.digestpress.BuiltIssue;
import org.junit.jupiter.api.Test;

import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

/**
 * Each SVG is drawn once per document into a form XObject, placed wherever it appears: the
 * sample's logo on the cover (22 mm) and on the back page (16 mm) is one object drawn twice, and
 * the scaled placement looks as the logo drawn afresh at that size did.
 */
class SharedSvgFormsTest {

    @Test
    void theLogoOnTheCoverAndTheBackPageIsOneFormDrawnOnBoth() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(BuiltIssue.of(BuiltIssue.SAMPLE).bytes)) {
            PDPage cover = pdf.getPage(0);
            PDPage back = pdf.getPage(pdf.getNumberOfPages() - 1);
            Set<String> onCover = drawnForms(cover);
            Set<String> onBack = drawnForms(back);
            assertEquals(1, onBack.size(), "the back page draws one picture, the logo: " + onBack);
            assertEquals(2, onCover.size(), "the cover draws the logo and its picture: " + onCover);
            assertTrue(onCover.containsAll(onBack),
                    "the back page's logo is the cover's form (one object, two uses): cover " + onCover + ", back " + onBack);
        }
        // Still an archive-grade file with the figures tagged as before.
        ArchiveQualityTest.assertCompliant(BuiltIssue.of(BuiltIssue.SAMPLE).bytes);
    }

    @Test
    void aLogoPlacedFromAnotherSizesFormLooksAsTheLogoDrawnAfreshAtItsSize() throws Exception {
        String logo = java.nio.file.Files.readString(BuiltIssue.SAMPLE.resolve("brand/logo.svg"));
        String data = "data:image/svg+xml;base64,"
                + java.util.Base64.getEncoder().encodeToString(logo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // Both at max-width: 100% of boxes of different widths, as in the issue's columns.
        // As on the cover and the back page: first 22 mm, then 16 mm (drawn from the 22 mm form).
        String page = "<html><head><style>@page { size: 60mm 60mm; margin: 0 } body { margin: 0 }"
                + " img { display: block; margin: 3mm; max-width: 100% } div { width: 40mm }</style></head><body>"
                + "<img src='" + data + "' style='width: 22mm; height: 22mm' alt='a'/>"
                + "<div><img src='" + data + "' style='width: 16mm; height: 16mm' alt='b'/></div></body></html>";
        BufferedImage shared = render(page, new SharedSvgForms(batik()));
        BufferedImage afresh = render(page, batik());
        int differing = 0;
        int largest = 0;
        for (int y = 0; y < shared.getHeight(); y++) {
            for (int x = 0; x < shared.getWidth(); x++) {
                int a = shared.getRGB(x, y);
                int b = afresh.getRGB(x, y);
                int most = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    most = Math.max(most, Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)));
                }
                if (most > 0) {
                    differing++;
                    largest = Math.max(largest, most);
                }
            }
        }
        // Vectors scaled, not a picture: edge pixels shaded a little differently (measured: 522
        // pixels by at most 5 of 255 at 150 dpi), no edge moved (a quarter point lower: by 208).
        int pixels = shared.getWidth() * shared.getHeight();
        assertTrue(largest <= 8, differing + " of " + pixels + " pixels differ, by up to " + largest);
        assertTrue(countForms(page, new SharedSvgForms(batik())) == 1 && countForms(page, batik()) == 2,
                "one form for the two logos, where Batik alone made two");
    }

    private static SVGDrawer batik() {
        return new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE);
    }

    private static byte[] pdf(String page, SVGDrawer drawer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(drawer);
        builder.withHtmlContent(page, null);
        builder.toStream(out);
        // As PdfWriter does: one parse per address, so both places draw the same SVG element.
        try (var renderer = builder.buildPdfRenderer()) {
            var context = renderer.getSharedContext();
            context.setUserAgentCallback(new ParsedSvgs.Memory().forBuild().wrap(context.getUserAgentCallback()));
            renderer.layout();
            renderer.createPDF();
        }
        return out.toByteArray();
    }

    private static BufferedImage render(String page, SVGDrawer drawer) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(page, drawer))) {
            return new PDFRenderer(pdf).renderImageWithDPI(0, 150);
        }
    }

    private static int countForms(String page, SVGDrawer drawer) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(page, drawer))) {
            return drawnForms(pdf.getPage(0)).size();
        }
    }

    /** The form XObjects a page's content draws, by object number. */
    private static Set<String> drawnForms(PDPage page) throws IOException {
        COSDictionary xobjects = page.getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT);
        Set<String> drawn = new TreeSet<>();
        List<Object> tokens = new ArrayList<>(new PDFStreamParser(page).parse());
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Operator op && op.getName().equals("Do")
                    && tokens.get(i - 1) instanceof COSName name) {
                COSBase item = xobjects.getItem(name);
                String id = item instanceof COSObject ref ? ref.getKey().toString() : "direct " + name.getName();
                if (COSName.FORM.equals(xobjects.getCOSDictionary(name).getCOSName(COSName.SUBTYPE))) {
                    drawn.add(id);
                }
            }
        }
        return drawn;
    }
}
