package org.digestpress;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDFBox's text stripper reading the glyphs as printed: a marked-content /ActualText (which
 * PDFBox, like poppler and Acrobat, otherwise reads instead of the glyphs it covers) is left out
 * of account. The PDF gives a word broken by hyphenation whole to copy and paste («прибыль»);
 * tests of how lines are set (where they break, which end in a hyphen) read what the page shows
 * («при-», «быль») through this.
 */
public final class PrintedText extends PDFTextStripper {
    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        COSDictionary glyphs = properties;
        if (properties != null && properties.containsKey(COSName.ACTUAL_TEXT)) {
            glyphs = new COSDictionary(properties);
            glyphs.removeItem(COSName.ACTUAL_TEXT);
        }
        super.beginMarkedContentSequence(tag, glyphs);
    }
}
