package org.digestpress.problem;

/**
 * A failure of digestpress itself (a bug), as opposed to a problem in the editor's files. It is
 * still reported as a diagnostic at the file being worked on, but says plainly that the fault is
 * ours, names what failed so the report can be acted on, and prints the Java trace only when
 * {@code DIGESTPRESS_DEBUG=1} is set.
 */
public final class InternalFailure {

    private InternalFailure() {
    }

    /** "an internal error of digestpress (IllegalStateException: …)": for the end of a sentence. */
    public static String describe(Throwable e) {
        printTraceIfDebugging(e);
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().strip();
        if (message.length() > 300) {
            message = message.substring(0, 297) + "…";
        }
        return "an internal error of digestpress (" + e.getClass().getSimpleName() + message + "). This is a bug "
                + "in digestpress, not in your files: please report it with the files named here "
                + "(DIGESTPRESS_DEBUG=1 prints the details)";
    }

    public static void printTraceIfDebugging(Throwable e) {
        if ("1".equals(System.getenv("DIGESTPRESS_DEBUG"))) {
            e.printStackTrace();
        }
    }
}
