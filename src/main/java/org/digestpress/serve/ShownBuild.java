package org.digestpress.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.digestpress.engine.Workspace;

/**
 * The last build that wrote a PDF, as the page shows it while the sources are broken: its bytes,
 * the document loaded once (pictures, hashes), where its articles begin on their pages, and where
 * each thing on a page came from.
 */
record ShownBuild(byte[] pdf, PagePictures pictures, PageSources sources, List<Double> places) implements AutoCloseable {

    ShownBuild {
        places = List.copyOf(places);
    }

    /**
     * Reads back the PDF a good build just wrote.
     *
     * @param fonts which fonts drew it: see {@link PagePictures#PagePictures(byte[], String)}
     */
    static ShownBuild of(Workspace.IssueBuild built, PageSources sources, String fonts) throws IOException {
        // the laid-out issue holds the bytes just written; a test's builder may have only the file
        byte[] pdf = built.laidOut() != null ? built.laidOut().pdf() : Files.readAllBytes(built.result().pdf());
        return of(pdf, built.contents(), sources, fonts);
    }

    /** A PDF with its contents: a build's, or the one kept from the last run ({@link KeptBuild}). */
    static ShownBuild of(byte[] pdf, List<Workspace.Entry> contents, PageSources sources, String fonts) throws IOException {
        PagePictures pictures = new PagePictures(pdf, fonts);
        try {
            List<Double> places = ArticlePlaces.of(pictures.document(), contents);
            return new ShownBuild(pdf, pictures, sources, places);
        } catch (RuntimeException e) {
            pictures.close();
            throw e;
        }
    }

    @Override
    public void close() {
        pictures.close();
    }
}
