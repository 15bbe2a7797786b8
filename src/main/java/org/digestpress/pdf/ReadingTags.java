package org.digestpress.pdf;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;

/**
 * What a screen reader hears, beyond what veraPDF checks: the tags openhtmltopdf writes, put
 * right after it, one concern per class. Runs after {@link FootnoteNotes}, which puts the notes
 * where they are read.
 */
final class ReadingTags {

    private ReadingTags() {
    }

    /** @param footnoteLabels the footnote call label by language (see {@link LinkNames}) */
    static void apply(PDDocument document, java.util.Map<String, String> footnoteLabels) throws IOException {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) {
            return;
        }
        MarkedContent text = new MarkedContent();
        Artifacts artifacts = new Artifacts();
        RepeatedHeaders.readOnce(root, artifacts);
        DotLeaders.skip(root, text, artifacts);
        NoteMarkers.putFirst(root, text);
        LinkNames.name(root, document.getDocumentCatalog().getLanguage(), footnoteLabels, text);
        StructureTypes.assign(root);
        artifacts.write(document);
    }
}
