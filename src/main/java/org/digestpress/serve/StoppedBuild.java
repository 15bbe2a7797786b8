package org.digestpress.serve;

import java.util.regex.Pattern;

/** What serve and {@code preview --watch} say of a build that threw, in a sentence an author reads. */
final class StoppedBuild {

    private StoppedBuild() {
    }

    /** A sentence for a build that threw: what happened, never the name of a Java class. */
    static String sentence(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "The build stopped: something in the issue is nested or repeated too deeply to typeset "
                    + "(a very long line of one character, or quotes inside quotes many levels deep).";
        }
        if (e instanceof OutOfMemoryError) {
            return "The build stopped: it ran out of memory (a very large picture, table or text?).";
        }
        String message = e.getMessage();
        if (e instanceof RuntimeException && message != null && !message.isBlank()
                && !JAVA_NAME.matcher(message).find()) {
            return "The build stopped: " + message + (message.endsWith(".") ? "" : ".");
        }
        return "The build stopped unexpectedly.";
    }

    private static final Pattern JAVA_NAME = Pattern.compile("Exception|Error\\b|Throwable|java\\.|javax\\.|\\tat ");
}
