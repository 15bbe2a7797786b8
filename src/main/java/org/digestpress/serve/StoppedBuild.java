package org.digestpress.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.digestpress.BuildResult;
import org.digestpress.engine.Workspace;
import org.digestpress.problem.Problem;

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

    /**
     * serve's failed build for a build that threw {@code e} after {@code changed} were saved: one
     * problem, at the saved file when it was one file, the likeliest cause.
     */
    static Workspace.IssueBuild failed(Throwable e, Set<Path> changed, long millis) {
        Path saved = changed.size() == 1 && Files.isRegularFile(changed.iterator().next())
                ? changed.iterator().next() : null;
        String sentence = sentence(e) + (saved == null ? "" : " It happened after this file was saved.")
                + " The pages shown are from the last good build.";
        return new Workspace.IssueBuild(new BuildResult(null, 0, 0, millis, null,
                List.of(Problem.error(saved, 0, 0, sentence))), null, List.of());
    }

    private static final Pattern JAVA_NAME = Pattern.compile("Exception|Error\\b|Throwable|java\\.|javax\\.|\\tat ");
}
