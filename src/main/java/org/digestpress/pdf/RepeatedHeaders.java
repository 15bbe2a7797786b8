package org.digestpress.pdf;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;

/**
 * A table split over pages repeats its header row on every page (-fs-table-paginate), and
 * openhtmltopdf 1.1.65 tags each copy as more content of the same TH: a screen reader reads
 * «РангРанг». The copies after the first page of a header cell become artifacts, so the cell is
 * read once, where the table begins.
 */
final class RepeatedHeaders {

    private RepeatedHeaders() {
    }

    static void readOnce(PDStructureNode node, Artifacts artifacts) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("TH".equals(element.getStructureType())) {
                    PDPage first = firstPage(element);
                    if (first != null) {
                        dropOtherPages(element, first, artifacts);
                    }
                } else {
                    readOnce(element, artifacts);
                }
            }
        }
    }

    /** The page of the element's first marked content, in reading order. */
    private static PDPage firstPage(PDStructureElement element) {
        for (org.apache.pdfbox.cos.COSBase kid : MarkedContent.kids(element)) {
            MarkedContent.Item item = MarkedContent.item(element, kid);
            if (item != null) {
                return item.page();
            }
            if (kid instanceof org.apache.pdfbox.cos.COSDictionary dict
                    && !org.apache.pdfbox.cos.COSName.OBJR.equals(dict.getCOSName(org.apache.pdfbox.cos.COSName.TYPE))) {
                PDPage page = firstPage(new PDStructureElement(dict));
                if (page != null) {
                    return page;
                }
            }
        }
        return null;
    }

    private static void dropOtherPages(PDStructureElement element, PDPage first, Artifacts artifacts) {
        for (MarkedContent.Item item : MarkedContent.ownItems(element)) {
            if (item.page().getCOSObject() != first.getCOSObject()) {
                artifacts.take(element, item);
            }
        }
        for (Object kid : element.getKids()) {
            if (kid instanceof PDStructureElement child) {
                dropOtherPages(child, first, artifacts);
            }
        }
    }
}
