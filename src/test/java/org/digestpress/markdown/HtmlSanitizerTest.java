package org.digestpress.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    @Test
    void aRefusedTagIsShownAsCodeSoTypographyLeavesItsQuotes() {
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        String out = sanitizer.sanitize("<img src=\"x.png\">", 5);
        assertEquals("<code class=\"raw-html\">&lt;img src=&quot;x.png&quot;&gt;</code>", out);
        assertEquals("Raw HTML <img> is not allowed in articles and is printed as text; only tables and simple "
                + "inline tags pass.", sanitizer.refused());
    }

    @Test
    void theContentOfARefusedElementIsCodeToo() {
        String out = new HtmlSanitizer().sanitize("<script>alert(\"hi\")</script>", 1);
        assertEquals("<code class=\"raw-html\">&lt;script&gt;</code><code class=\"raw-html\">alert(&quot;hi&quot;)</code>"
                + "<code class=\"raw-html\">&lt;/script&gt;</code>", out);
    }

    @Test
    void aDroppedAttributeIsSaidToBeLeftOut() {
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        assertEquals("<td>a</td>", sanitizer.sanitize("<td rowspan=\"two\">a</td>", 3));
        assertEquals("The attribute rowspan=\"two\" of <td> is not allowed with this value and is left out; tags "
                + "keep only rowspan and colspan (numbers), align and class.", sanitizer.refused());
        HtmlSanitizer events = new HtmlSanitizer();
        events.sanitize("<td onclick=\"x()\">a</td>", 3);
        assertTrue(events.refused().startsWith("The attribute onclick=\"x()\" of <td> is not allowed in articles"));
    }

    @Test
    void aWrongClosingTagIsReportedAtItsLine() {
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        sanitizer.sanitize("<table>\n<tr>\n<td>a\n</tr>\n</table>", 10);
        HtmlSanitizer.Unbalanced u = sanitizer.unbalanced();
        assertEquals(13, u.line());
        assertEquals("The raw HTML closes </tr> here while <td> from line 12 is still open; close every tag you "
                + "open, innermost first, e.g. <td>…</td>.", u.sentence());
    }

    @Test
    void aTagNeverClosedIsReportedWhereItOpens() {
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        sanitizer.sanitize("<div>", 4);
        sanitizer.sanitize("<span>", 7);
        sanitizer.sanitize("</span>", 7);
        assertEquals(4, sanitizer.unbalanced().line());
        assertTrue(sanitizer.unbalanced().sentence().startsWith("The raw HTML tag <div> opened here is never closed"));
    }

    @Test
    void balancedPiecesAreFine() {
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        sanitizer.sanitize("<sup>", 2);
        sanitizer.sanitize("</sup>", 2);
        sanitizer.sanitize("<table><tr><td>a<br>b</td></tr></table>", 3);
        assertNull(sanitizer.unbalanced());
        assertNull(sanitizer.refused());
    }
}
