package org.digestpress.pdf;

import java.util.List;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;

/**
 * Gives the contents and the titles of tables and figures the structure types a screen reader
 * announces them by. openhtmltopdf 1.1.65 chooses a type from the HTML tag alone (a p is P, only
 * a table's own caption element is Caption; there is no CSS property for it), so a contents
 * entry is P + Link and a table's title a P.
 * <ul>
 * <li>A group whose children are all paragraphs made of internal links only (a section of the
 * contents) becomes TOC, each paragraph TOCI.</li>
 * <li>A group holding one table or one figure and otherwise paragraphs (the figure and table
 * blocks of an article): the paragraph right before the table or figure is its title, Caption;
 * a figure without one takes the paragraph right after it (an article's picture).</li>
 * </ul>
 */
final class StructureTypes {

    private StructureTypes() {
    }

    static void assign(PDStructureNode node) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                List<PDStructureElement> children = elements(element);
                if (!children.isEmpty() && children.stream().allMatch(StructureTypes::isContentsEntry)) {
                    element.setStructureType("TOC");
                    children.forEach(p -> p.setStructureType("TOCI"));
                    continue;
                }
                caption(children);
                assign(element);
            }
        }
    }

    /** A paragraph whose children are links to places in the document, and nothing else. */
    private static boolean isContentsEntry(PDStructureElement p) {
        if (!"P".equals(p.getStructureType()) || !MarkedContent.ownItems(p).isEmpty()) {
            return false;
        }
        List<PDStructureElement> links = elements(p);
        return !links.isEmpty() && links.size() == p.getKids().size()
                && links.stream().allMatch(StructureTypes::isInternalLink);
    }

    private static boolean isInternalLink(PDStructureElement link) {
        if (!"Link".equals(link.getStructureType())) {
            return false;
        }
        for (Object kid : link.getKids()) {
            if (kid instanceof PDObjectReference reference && reference.getReferencedObject() != null
                    && reference.getReferencedObject().getCOSObject() instanceof COSDictionary annotation) {
                COSDictionary action = annotation.getCOSDictionary(COSName.A);
                return annotation.containsKey(COSName.DEST)
                        || action != null && COSName.getPDFName("GoTo").equals(action.getCOSName(COSName.S));
            }
        }
        return false;
    }

    private static void caption(List<PDStructureElement> children) {
        int object = -1;
        for (int i = 0; i < children.size(); i++) {
            PDStructureElement child = children.get(i);
            if (isTable(child) || isFigure(child)) {
                if (object >= 0) {
                    if (isTable(child) && isTable(children.get(object))) {
                        continue; // a long table split at a page (TableContinuations): its title is before the first part
                    }
                    return; // two objects: not a figure block
                }
                object = i;
            } else if (!"P".equals(child.getStructureType())) {
                return;
            }
        }
        if (object > 0) {
            children.get(object - 1).setStructureType("Caption");
        } else if (object == 0 && isFigure(children.get(0)) && children.size() > 1) {
            children.get(1).setStructureType("Caption");
        }
    }

    private static boolean isTable(PDStructureElement element) {
        return "Table".equals(element.getStructureType());
    }

    /** A Figure, or a group holding only one. */
    private static boolean isFigure(PDStructureElement element) {
        if ("Figure".equals(element.getStructureType())) {
            return true;
        }
        List<PDStructureElement> children = elements(element);
        return children.size() == 1 && element.getKids().size() == 1 && isFigure(children.get(0));
    }

    private static List<PDStructureElement> elements(PDStructureNode node) {
        return node.getKids().stream().filter(PDStructureElement.class::isInstance)
                .map(PDStructureElement.class::cast).toList();
    }
}
