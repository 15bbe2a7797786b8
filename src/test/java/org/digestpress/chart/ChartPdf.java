package org.digestpress.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Renders chart placeholders to a real PDF the way the pdf stage will, and inspects the result.
 * Fonts are registered twice under one family name, with AWT and with the builder, because that
 * is the condition for chart labels to come out as text.
 */
final class ChartPdf {

    static final String FAMILY = "PT Sans";
    private static final Path FONTS = Path.of("fonts");
    private static final String[][] FACES = {
            {"PTS55F.ttf", "400", "NORMAL"}, {"PTS56F.ttf", "400", "ITALIC"},
            {"PTS75F.ttf", "700", "NORMAL"}, {"PTS76F.ttf", "700", "ITALIC"}};
    private static boolean registered;

    private ChartPdf() {
    }

    static synchronized void registerFontsWithAwt() {
        if (registered) {
            return;
        }
        GraphicsEnvironment environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
        for (String[] face : FACES) {
            try {
                environment.registerFont(Font.createFont(Font.TRUETYPE_FONT, FONTS.resolve(face[0]).toFile()));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot load " + face[0], e);
            }
        }
        registered = true;
    }

    /** One A4 page (170 mm text width) per placeholder, nothing else on the page. */
    static byte[] render(ChartCompiler compiler, List<String> objects) {
        return render(compiler, objects, false);
    }

    /** @param archival render as the pdf stage will: PDF/A-3u with PDF/UA tagging and an sRGB profile */
    static byte[] render(ChartCompiler compiler, List<String> objects, boolean archival) {
        registerFontsWithAwt();
        StringBuilder html = new StringBuilder("<html lang=\"ru\"><head><title>charts</title>"
                + "<meta name=\"subject\" content=\"charts\"/><style>"
                + "@page { size: A4; margin: 20mm } body { margin: 0; font-family: 'PT Sans' }"
                + " .page { page-break-after: always } object { display: block }</style></head><body>");
        for (String object : objects) {
            html.append("<div class=\"page\">").append(object).append("</div>");
        }
        html.append("</body></html>");
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (String[] face : FACES) {
            builder.useFont(FONTS.resolve(face[0]).toFile(), FAMILY, Integer.parseInt(face[1]),
                    FontStyle.valueOf(face[2]), true);
        }
        builder.useObjectDrawerFactory(ChartObjectDrawer.objectDrawerFactory(compiler));
        if (archival) {
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
            builder.usePdfUaAccessibility(true);
            builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        }
        builder.withHtmlContent(html.toString(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Every form XObject reachable from the page, depth first. */
    static List<PDFormXObject> forms(PDPage page) throws IOException {
        List<PDFormXObject> forms = new ArrayList<>();
        collectForms(page.getResources(), forms);
        return forms;
    }

    private static void collectForms(PDResources resources, List<PDFormXObject> forms) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xObject = resources.getXObject(name);
            if (xObject instanceof PDFormXObject form && !forms.contains(form)) {
                forms.add(form);
                collectForms(form.getResources(), forms);
            }
        }
    }

    /** All resource dictionaries of the page: its own and those of its forms. */
    static List<PDResources> allResources(PDPage page) throws IOException {
        List<PDResources> all = new ArrayList<>();
        all.add(page.getResources());
        for (PDFormXObject form : forms(page)) {
            if (form.getResources() != null) {
                all.add(form.getResources());
            }
        }
        return all;
    }

    static List<String> rasterImages(PDPage page) throws IOException {
        List<String> images = new ArrayList<>();
        for (PDResources resources : allResources(page)) {
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    images.add(name.getName());
                }
            }
        }
        return images;
    }

    static List<PDFont> fonts(PDPage page) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDResources resources : allResources(page)) {
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }

    /** Shadings and patterns are how gradients reach a PDF. */
    static int shadingsAndPatterns(PDPage page) throws IOException {
        int count = 0;
        for (PDResources resources : allResources(page)) {
            for (COSName ignored : resources.getShadingNames()) {
                count++;
            }
            for (COSName ignored : resources.getPatternNames()) {
                count++;
            }
        }
        return count;
    }
}
