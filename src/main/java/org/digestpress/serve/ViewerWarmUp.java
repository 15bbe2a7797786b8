package org.digestpress.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Draws one small made-up page while serve's first build runs, so that the first real picture is
 * not drawn by cold code. In a fresh JVM, PDFBox's renderer, Java2D's rasteriser and the PNG
 * encoder load and interpret some thousand classes: page 1 of the sample took 310 ms to draw and
 * encode cold, 160 ms after this page (measured with C1, as serve runs). The first build keeps
 * one core busy; this runs on the other one, at the lowest priority, and is done long before the
 * build. The page holds what issue pages hold: text in an embedded TrueType font (the first font
 * file of the fonts folder, when there is one), filled and stroked paths, and a form, as the
 * typesetter writes SVG pictures.
 */
final class ViewerWarmUp {

    private ViewerWarmUp() {
    }

    /** Starts the drawing on a daemon thread of its own; failures change nothing and say nothing. */
    static void start(List<Path> fontFolders) {
        Thread thread = new Thread(() -> {
            try {
                draw(font(fontFolders));
            } catch (IOException | RuntimeException | LinkageError e) { // NOPMD: a warm-up that fails costs only speed
                // the first picture is then drawn cold, as before
            }
        }, "digest-draw-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** The first TrueType or OpenType file of the fonts folders, by name: the files a build reads anyway. */
    static Optional<Path> font(List<Path> fontFolders) {
        for (Path folder : fontFolders) {
            try (Stream<Path> files = Files.list(folder)) {
                Optional<Path> font = files.filter(p -> p.getFileName().toString().matches("(?i).+\\.(ttf|otf)"))
                        .filter(Files::isRegularFile).sorted().findFirst();
                if (font.isPresent()) {
                    return font;
                }
            } catch (IOException e) {
                // a folder that cannot be listed: try the next one
            }
        }
        return Optional.empty();
    }

    /** Writes, reads back and draws one page as {@link PagePictures} draws pages; answers the PNG's size. */
    static int draw(Optional<Path> font) throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFormXObject form = new PDFormXObject(document);
            form.setBBox(new PDRectangle(0, 0, 100, 100));
            try (org.apache.pdfbox.pdmodel.PDFormContentStream shape = new org.apache.pdfbox.pdmodel.PDFormContentStream(form)) {
                shape.setNonStrokingColor(0.85f, 0.2f, 0.1f);
                shape.moveTo(0, 0);
                shape.curveTo(30, 90, 70, 10, 100, 100);
                shape.closePath();
                shape.fill();
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(0.1f, 0.3f, 0.55f);
                content.addRect(56, 700, 480, 80);
                content.fill();
                content.setLineWidth(0.75f);
                content.moveTo(56, 680);
                content.lineTo(536, 680);
                content.stroke();
                content.saveGraphicsState();
                content.transform(org.apache.pdfbox.util.Matrix.getTranslateInstance(56, 560));
                content.drawForm(form);
                content.restoreGraphicsState();
                if (font.isPresent()) {
                    PDType0Font type0 = PDType0Font.load(document, font.get().toFile());
                    content.beginText();
                    content.setNonStrokingColor(0f, 0f, 0f);
                    content.setFont(type0, 10);
                    content.newLineAtOffset(56, 520);
                    content.showText(printable(type0, "Abc 123 — Проба «шрифта»"));
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return PngEncoder.encode(new org.apache.pdfbox.rendering.PDFRenderer(document)
                    .renderImage(0, 1, org.apache.pdfbox.rendering.ImageType.RGB)).length;
        }
    }

    /** The characters of {@code text} the font has a glyph for: a Latin-only font draws the Latin part. */
    private static String printable(PDType0Font font, String text) {
        StringBuilder kept = new StringBuilder();
        text.codePoints().forEach(c -> {
            String character = new String(Character.toChars(c));
            try {
                font.encode(character);
                kept.append(character);
            } catch (IOException | IllegalArgumentException e) {
                // no glyph for it: left out
            }
        });
        return kept.toString();
    }
}
