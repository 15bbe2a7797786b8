package org.digestpress.serve;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.digestpress.pdf.DrawnPage;

/**
 * The page a browser opens at, drawn during the server's first build as soon as the build has
 * drawn it: the pages after it, the document's last steps, its save and reading it back took
 * another 0.2 s for the sample's cover in a cold server (the page was painted 0.2 s sooner). The
 * build's thread draws it (the document must not change meanwhile), once, and the page is told
 * with an {@code early} event and fetches {@code /early.png}.
 */
final class EarlyPicture implements Consumer<DrawnPage> {

    /** A picture drawn early: page (1-based), its width in pixels, the page's size in points, the PNG. */
    record Drawn(int page, int width, float pageWidth, float pageHeight, byte[] png) {
    }

    private final Supplier<int[]> expected;
    private final Consumer<Drawn> done;
    private volatile Drawn drawn;

    /**
     * @param expected the page and width the connected page asks for first, or null while none did
     * @param done     told of the picture, on the build's thread
     */
    EarlyPicture(Supplier<int[]> expected, Consumer<Drawn> done) {
        this.expected = expected;
        this.done = done;
    }

    @Override
    public void accept(DrawnPage page) {
        int[] first = expected.get();
        if (drawn != null || first == null || page.index() != first[0] - 1) {
            return;
        }
        byte[] png;
        try {
            png = PagePictures.drawEarly(page, first[1]);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Drawn from the saved PDF, as without this: a picture drawn early must never fail the
            // build it rides on (its large image is garbage at once, the document is untouched).
            return;
        }
        if (png != null) {
            PDRectangle box = page.page().getMediaBox();
            drawn = new Drawn(first[0], PagePictures.clamp(first[1]), box.getWidth(), box.getHeight(), png);
            done.accept(drawn);
        }
    }

    /** The picture drawn, or null. */
    Drawn drawn() {
        return drawn;
    }
}
