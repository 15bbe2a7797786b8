package org.digestpress.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LinkAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org", "HTTP://EXAMPLE.ORG/a?b=c#d", "mailto:office@example.org",
            "#contents", " https://example.org/x "})
    void webPagesMailAndAnchorsAreLinks(String address) {
        assertTrue(LinkAddress.allowed(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "launch:calc.exe",
            "file:///etc/passwd", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "other.md", "../x.pdf",
            "//example.org", "https://", "https:///etc/passwd", "", "#", "http://exa mple.org", "https://a\u0001b",
            "ftp://example.org"})
    void everythingElseIsRefused(String address) {
        assertFalse(LinkAddress.allowed(address), address);
    }

    @Test
    void emailsArePlainAddresses() {
        assertTrue(LinkAddress.isEmail("office@example.org"));
        assertFalse(LinkAddress.isEmail("javascript:alert(1)//@x"));
        assertFalse(LinkAddress.isEmail("a b@example.org"));
        assertFalse(LinkAddress.isEmail("example.org"));
    }

    @Test
    void refusalsShowControlCharactersAndStayShort() {
        String refusal = LinkAddress.refusal("link", "javascript:\u0001" + "x".repeat(200));
        assertTrue(refusal.startsWith("The link 'javascript:?xxx"), refusal);
        assertFalse(refusal.contains("\u0001"));
        assertTrue(refusal.length() < 220, refusal);
        assertEquals("The link '#' is not allowed; a link must start with http://, https:// or mailto:, or be an "
                + "anchor in this document such as #section.", LinkAddress.refusal("link", "#"));
    }
}
