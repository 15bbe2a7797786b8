package org.digestpress.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Small pictures of the key pages, for a README or a web page announcing the issue: the cover,
 * the contents and the first page of every section, found through the bookmarks so the choice
 * follows the document rather than fixed page numbers.
 */
public final class Thumbnails {

    private Thumbnails() {
    }

    /** @return the files written: cover.png, contents.png, section-1.png, … */
    public static List<Path> write(Path pdf, Path dir, float dpi) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            written.add(render(renderer, 0, dir.resolve("cover.png"), dpi));
            int section = 0;
            boolean first = true;
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                int page = pageIndex(document, item);
                if (page < 0) {
                    continue;
                }
                String name = first ? "contents.png" : "section-" + (++section) + ".png";
                first = false;
                written.add(render(renderer, page, dir.resolve(name), dpi));
            }
        }
        return written;
    }

    /** A picture of the cover alone, for an archive's list of issues. */
    public static Path cover(Path pdf, Path file, float dpi) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return render(new PDFRenderer(document), 0, file.toAbsolutePath(), dpi);
        }
    }

    private static Path render(PDFRenderer renderer, int page, Path file, float dpi) throws IOException {
        BufferedImage image = renderer.renderImageWithDPI(page, dpi, ImageType.RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        // renamed into place: a link at the name is replaced, not written through, and the file
        // gets the umask's mode (a temporary file's 0600 would stay and hide it from a web server)
        PdfWriter.writeAtomically(file, png.toByteArray());
        return file;
    }

    private static int pageIndex(PDDocument document, PDOutlineItem item) throws IOException {
        Object destination = item.getDestination();
        if (destination == null && item.getAction() instanceof PDActionGoTo goTo) {
            destination = goTo.getDestination();
        }
        if (destination instanceof PDPageDestination pageDestination && pageDestination.getPage() != null) {
            return document.getPages().indexOf(pageDestination.getPage());
        }
        return -1;
    }
}
