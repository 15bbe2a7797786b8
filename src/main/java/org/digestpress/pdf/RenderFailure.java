package org.digestpress.pdf;

/**
 * A failure while laying out or drawing the document, in words for the editor: what in the
 * input it points to, or that it is a bug.
 */
final class RenderFailure {
    private RenderFailure() {
    }

    /**
     * What failed, in words. A failure inside Batik, JFreeChart or an image decoder comes from a
     * file the editor can fix, a stack overflow from nesting the templates made, and running out
     * of memory from the size of the input; anything else thrown while laying out or drawing is a
     * bug (ours or a library's), which no change to the templates would fix: it says so, with the
     * exception's type and message, and {@code DIGESTPRESS_DEBUG=1} prints its trace.
     */
    static String describe(Throwable e) {
        String cause = inputCause(e);
        if (cause == null) {
            return org.digestpress.problem.InternalFailure.describe(e) + ".";
        }
        org.digestpress.problem.InternalFailure.printTraceIfDebugging(e);
        return cause;
    }

    /** What in the input a failure points to, or null when it points to none: a bug. */
    private static String inputCause(Throwable e) {
        StringBuilder frames = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                frames.append(frame.getClassName()).append('\n');
            }
        }
        String stack = frames.toString();
        if (e instanceof OutOfMemoryError) {
            return "the document needs more memory than the build has; look for very large images or tables.";
        }
        if (stack.contains("org.apache.batik")) {
            return "an SVG image could not be drawn; open the SVG images in an editor and save them again as plain SVG.";
        }
        if (stack.contains("org.jfree")) {
            return "a chart could not be drawn; check the chart blocks' values.";
        }
        if (stack.contains("javax.imageio") || stack.contains(".image.")) {
            return "an image could not be drawn; save the images again as PNG or JPEG.";
        }
        if (e instanceof StackOverflowError) {
            return "the document nests too deeply for the renderer; look for elements the templates put inside "
                    + "each other without end.";
        }
        return null;
    }
}
