package org.digestpress.typography;

/**
 * Turns straight quotes into the language's curly ones, one pass over the whole run so the state
 * carries across inline elements. Whether a straight quote opens or closes is read from the
 * character before it: after white space, an opening bracket or quote, or a dash it opens,
 * otherwise it closes. Quotes already typeset are counted too, so nesting stays right when
 * text is typeset twice or comes half-typeset.
 */
final class Quotes {
    /** Russian: «ёлочки» outside, „лапки“ inside. */
    static final Quotes RUSSIAN = new Quotes('«', '»', '„', '“', false);
    /**
     * English: “double” at every level (the writer's own single quotes become ‘single’). A
     * straight double quote inside double quotes cannot be told from a new quotation reliably,
     * so English does not nest by depth.
     */
    static final Quotes ENGLISH = new Quotes('“', '”', '“', '”', true);

    /** Besides white space: what a quotation may directly follow; the language's opening quotes are added. */
    private static final String OPENING_CONTEXT = "([{—–-/\u00A0\u202F";

    private final char outerOpen;
    private final char outerClose;
    private final char innerOpen;
    private final char innerClose;
    private final boolean curlySingles;
    private final String openingContext;

    private Quotes(char outerOpen, char outerClose, char innerOpen, char innerClose, boolean curlySingles) {
        this.outerOpen = outerOpen;
        this.outerClose = outerClose;
        this.innerOpen = innerOpen;
        this.innerClose = innerClose;
        this.curlySingles = curlySingles;
        this.openingContext = OPENING_CONTEXT + outerOpen + innerOpen + (curlySingles ? "‘" : "");
    }

    void apply(TextRun run) {
        int depth = 0;
        for (int i = 0; i < run.length(); i++) {
            if (run.isFrozen(i)) {
                continue;
            }
            char c = run.charAt(i);
            char before = i > 0 ? run.charAt(i - 1) : ' ';
            char after = i + 1 < run.length() ? run.charAt(i + 1) : ' ';
            if (c == '"') {
                if (opens(before)) {
                    if (Character.isWhitespace(after) || after == '\u00A0') {
                        continue; // a lone quote between spaces: nobody knows what it is
                    }
                    run.setChar(i, depth == 0 ? outerOpen : innerOpen);
                    depth++;
                } else {
                    depth = Math.max(0, depth - 1);
                    run.setChar(i, depth == 0 ? outerClose : innerClose);
                }
            } else if (c == '\'') {
                run.setChar(i, single(before, after));
            } else if (outerOpen != innerOpen && (c == outerOpen || c == innerOpen)) {
                depth++;
            } else if (outerOpen != innerOpen && (c == outerClose || c == innerClose)) {
                depth = Math.max(0, depth - 1);
            } else if (outerOpen == innerOpen && c == outerOpen) {
                depth++;
            } else if (outerOpen == innerOpen && c == outerClose) {
                depth = Math.max(0, depth - 1);
            }
        }
    }

    /** Apostrophes (don’t, Д’Артаньян, ’90s) and, in English, ‘single quotes’. */
    private char single(char before, char after) {
        boolean letterBefore = Character.isLetterOrDigit(before) || before == '\u00AD';
        if (letterBefore) {
            return '’';
        }
        if (!curlySingles) {
            return '\'';
        }
        if (Character.isDigit(after)) {
            return '’'; // ’90s: an elision, not a quotation
        }
        return opens(before) && !Character.isWhitespace(after) ? '‘' : '’';
    }

    private boolean opens(char before) {
        return Character.isWhitespace(before) || openingContext.indexOf(before) >= 0;
    }
}
