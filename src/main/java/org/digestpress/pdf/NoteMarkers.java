package org.digestpress.pdf;

import java.io.IOException;
import java.util.regex.Pattern;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;

/**
 * A footnote's number («1. », the ::footnote-marker) is tagged where openhtmltopdf draws it, after
 * the note's first line: a screen reader heard «…государственного за- 1. дания…». The marker is
 * moved to the front of its Note, where the eye reads it.
 */
final class NoteMarkers {

    private static final Pattern MARKER = Pattern.compile("\\s*\\d+\\s*\\.?\\s*");

    private NoteMarkers() {
    }

    static void putFirst(PDStructureNode node, MarkedContent text) throws IOException {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Note".equals(element.getStructureType())) {
                    moveMarkerToFront(element, text);
                } else {
                    putFirst(element, text);
                }
            }
        }
    }

    private static void moveMarkerToFront(PDStructureElement note, MarkedContent text) throws IOException {
        if (!(note.getCOSObject().getDictionaryObject(COSName.K) instanceof COSArray kids)) {
            return;
        }
        for (int i = 1; i < kids.size(); i++) {
            if (kids.getObject(i) instanceof org.apache.pdfbox.cos.COSDictionary dict
                    && !COSName.MCR.equals(dict.getCOSName(COSName.TYPE))
                    && !COSName.OBJR.equals(dict.getCOSName(COSName.TYPE))) {
                PDStructureElement child = new PDStructureElement(dict);
                if (MARKER.matcher(text.text(child)).matches()) {
                    COSBase marker = kids.get(i); // the reference as written, not the object
                    kids.remove(i);
                    kids.add(0, marker);
                }
                return; // only the note's first child element can be its marker
            }
        }
    }
}
