package org.digestpress.content;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.problem.Problems;

/**
 * Characters an XML document cannot hold (most control characters, lone surrogates, U+FFFE/U+FFFF).
 * The layout and the PDF renderer parse XML, so such a character, whether typed raw, escaped in a
 * YAML string or written as a character reference such as {@code &#1;}, must be reported where it
 * stands and never reach them.
 */
public final class XmlCharacters {

    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));");

    private XmlCharacters() {
    }

    /** Whether XML 1.0 allows the code point in a document. */
    public static boolean allowed(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    /** Index of the first character XML cannot hold (a lone surrogate counts), or -1. */
    public static int firstInvalid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || !allowed(c)) {
                return i;
            }
        }
        return -1;
    }

    /** "U+0001" for the message. */
    public static String name(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    /**
     * Reports each character XML cannot hold with its line and column and returns the text with
     * each replaced by U+FFFD, so later stages can go on looking for other problems safely.
     *
     * @param firstLine the file line of the text's first line
     */
    public static String checkRaw(String text, Path file, int firstLine, Problems problems) {
        if (firstInvalid(text) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int line = firstLine;
        int column = 1;
        int reported = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
                column++;
                continue;
            }
            if (Character.isSurrogate(c) || !allowed(c)) {
                if (reported++ < 10) {
                    problems.error(file, line, column, "The invisible control character " + name(c)
                            + " cannot be printed; delete it (it often comes with text copied from another program).");
                }
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return out.toString();
    }

    /**
     * Reports each numeric character reference ({@code &#1;}, {@code &#xD800;}) to a character
     * XML cannot hold, and returns the text with each replaced by {@code &#xFFFD;}.
     */
    public static String checkReferences(String text, Path file, int firstLine, Problems problems) {
        if (text.indexOf("&#") < 0) {
            return text;
        }
        Matcher m = NUMERIC_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            long codePoint;
            try {
                codePoint = m.group(1) != null ? Long.parseLong(m.group(1)) : Long.parseLong(m.group(2), 16);
            } catch (NumberFormatException e) {
                codePoint = -1;
            }
            if (codePoint >= 0 && codePoint <= 0x10FFFF && allowed((int) codePoint)) {
                continue;
            }
            int line = firstLine;
            int lineStart = 0;
            for (int i = 0; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.error(file, line, m.start() - lineStart + 1, "The character reference " + m.group()
                    + " stands for a character that cannot be printed"
                    + (codePoint >= 0 && codePoint <= 0x10FFFF ? " (" + name((int) codePoint) + ")" : "")
                    + "; delete it.");
            out.append(text, last, m.start()).append("&#xFFFD;");
            last = m.end();
        }
        if (last == 0) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }
}
