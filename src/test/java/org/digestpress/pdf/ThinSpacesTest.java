package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThinSpacesTest {

    private static final String SPAN = "<span class=\"thin-space\">&#160;</span>";

    @Test
    void numbersKeepTogetherAndTheThinSpaceBecomesASmallNoBreakSpace() {
        String out = ThinSpaces.rewrite("<html><head><title>60\u202F493</title></head><body>"
                + "<p title=\"1\u202F000\">Всего 60\u202F493 и 1\u202F234\u202F567, а\u2009также</p></body></html>");
        assertTrue(out.contains("<title>60\u202F493</title>"), "the head keeps the real character: " + out);
        assertTrue(out.contains("title=\"1\u202F000\""), "attributes keep it: " + out);
        assertTrue(out.contains("Всего <span class=\"no-wrap\">60" + SPAN + "493</span> и <span class=\"no-wrap\">1"
                + SPAN + "234" + SPAN + "567</span>, а" + SPAN + "также"), out);
        assertEquals(-1, out.substring(out.indexOf("<body")).replace("title=\"1\u202F000\"", "").indexOf('\u202F'));
    }

    @Test
    void aNumberKeepsItsPerCentSign() {
        String out = ThinSpaces.rewrite("<html><head></head><body><p>обеспечили 53,6\u202F% и 12\u202F500,5\u202F‰</p></body></html>");
        assertTrue(out.contains("обеспечили <span class=\"no-wrap\">53,6" + SPAN + "%</span> и <span class=\"no-wrap\">12"
                + SPAN + "500,5" + SPAN + "‰</span>"), out);
    }

    @Test
    void aDocumentWithoutThinSpacesIsLeftAsItIs() {
        String xhtml = "<html><head></head><body><p>60 493</p></body></html>";
        assertEquals(xhtml, ThinSpaces.rewrite(xhtml));
    }
}
