package org.digestpress.xml;

/**
 * Escaping of text for XML and HTML: the one way every stage writes characters into markup, so a
 * parser reads back exactly the text that was written.
 */
public final class XmlText {

    private XmlText() {
    }

    /**
     * Appends {@code s} escaped: {@code & < >} always; in an attribute (double-quoted) also
     * {@code "} and the white space an attribute parser would otherwise normalise to a space
     * (line feed, tab) as references; a carriage return always as a reference, since a parser
     * would turn it into a line feed.
     */
    public static void escape(CharSequence s, boolean attribute, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    /** {@code s} escaped for element content. */
    public static String text(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(s, false, out);
        return out.toString();
    }

    /** {@code s} escaped for a double-quoted attribute value (also safe in element content). */
    public static String attribute(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(s, true, out);
        return out.toString();
    }
}
