package org.digestpress.content;

import java.util.regex.Pattern;

/**
 * Which link addresses may become links in the PDF: web pages ({@code http}, {@code https}), e-mail
 * ({@code mailto}) and anchors in the document ({@code #...}). Anything else ({@code javascript:},
 * {@code file:}, {@code launch:}, {@code data:}, a relative file name) would become a PDF action a
 * reader's viewer might run or open. Schemes are compared ignoring case ({@code JaVaScRiPt:} is
 * still JavaScript), which flexmark's own filter does not do.
 */
public final class LinkAddress {

    private static final Pattern ALLOWED = Pattern.compile(
            "(?i)(?:https?://[^\\s\\p{Cc}/?#][^\\s\\p{Cc}]*|mailto:[^\\s\\p{Cc}]+|#[^\\s\\p{Cc}]+)");
    private static final Pattern EMAIL = Pattern.compile("[^\\s\\p{Cc}@<>:/\"]+@[^\\s\\p{Cc}@<>:/\"]+");

    private LinkAddress() {
    }

    /** Whether {@code address} may be a link target. */
    public static boolean allowed(String address) {
        return address != null && ALLOWED.matcher(address.strip()).matches();
    }

    /** The sentence an editor gets for a refused address. */
    public static String refusal(String what, String address) {
        return "The " + what + " '" + printable(address) + "' is not allowed; a link must start with http://, "
                + "https:// or mailto:, or be an anchor in this document such as #section.";
    }

    /** Whether {@code address} is a plain e-mail address (the layout adds "mailto:" itself). */
    public static boolean isEmail(String address) {
        return address != null && EMAIL.matcher(address.strip()).matches();
    }

    /** The address with control characters shown as '?', and shortened, so the message stays one line. */
    static String printable(String address) {
        String s = address == null ? "" : address.strip().replaceAll("\\p{Cc}", "?");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
