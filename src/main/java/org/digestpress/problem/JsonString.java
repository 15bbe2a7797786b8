package org.digestpress.problem;

/**
 * A JSON string literal, written by Jackson ({@link Json}). Line and paragraph separators are
 * escaped too, so the text is also safe inside a script.
 */
public final class JsonString {

    private JsonString() {
    }

    public static String quote(String s) {
        return script(Json.line(s));
    }

    /** JSON text with line and paragraph separators escaped (Jackson leaves them as they are). */
    public static String script(String json) {
        return json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
