package org.digestpress.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;

/**
 * Makes the heading tags of the structure tree a sequence PDF/UA-1 accepts (7.4.2): H1 first, and
 * never a level skipped on the way down. Pages are designed with heading levels chosen for their
 * look (the inside cover's «###» right after the cover's title, a back page starting at «####»);
 * the printed look stays, only the tag a screen reader announces is lifted to the next level
 * below the previous heading.
 */
final class HeadingLevels {

    private HeadingLevels() {
    }

    static void normalise(PDDocument document) {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        if (root != null) {
            walk(root, new int[] {0});
        }
    }

    /** @param last the level of the previous heading in document order (0 before the first) */
    private static void walk(PDStructureNode node, int[] last) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                int level = level(element.getStructureType());
                if (level > 0) {
                    int allowed = Math.min(level, last[0] + 1);
                    if (allowed != level) {
                        element.setStructureType("H" + allowed);
                    }
                    last[0] = allowed;
                }
                walk(element, last);
            }
        }
    }

    /** 1–6 for H1–H6, otherwise 0. */
    private static int level(String type) {
        if (type != null && type.length() == 2 && type.charAt(0) == 'H' && type.charAt(1) >= '1' && type.charAt(1) <= '6') {
            return type.charAt(1) - '0';
        }
        return 0;
    }
}
