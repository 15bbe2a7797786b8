package org.digestpress.typography;

/**
 * Test tables write invisible characters as visible stand-ins: ⍽ no-break space (U+00A0),
 * ˽ narrow no-break space (U+202F), ¦ soft hyphen (U+00AD).
 */
final class Marks {
    private Marks() {
    }

    static String decode(String visible) {
        return visible.replace('⍽', '\u00A0').replace('˽', '\u202F').replace('¦', '\u00AD');
    }

    static String encode(String actual) {
        return actual.replace('\u00A0', '⍽').replace('\u202F', '˽').replace('\u00AD', '¦');
    }
}
