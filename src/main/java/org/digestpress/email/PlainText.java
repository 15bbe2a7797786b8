package org.digestpress.email;

/**
 * The plain-text part's lines kept to 72 characters, as mail readers expect: a long line is broken
 * at its last space before the limit; a word longer than the line (an address) stays whole on a
 * line of its own, so a link is never cut.
 */
final class PlainText {

    static final int WIDTH = 72;

    private PlainText() {
    }

    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String rest = line.stripTrailing();
            while (rest.codePointCount(0, rest.length()) > WIDTH) {
                int limit = rest.offsetByCodePoints(0, WIDTH);
                int cut = rest.lastIndexOf(' ', limit);
                if (cut <= 0) {
                    cut = rest.indexOf(' ', limit);
                    if (cut < 0) {
                        break;
                    }
                }
                out.append(rest, 0, cut).append('\n');
                rest = rest.substring(cut + 1);
            }
            out.append(rest).append('\n');
        }
        return out.toString().replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }
}
