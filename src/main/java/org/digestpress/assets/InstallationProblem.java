package org.digestpress.assets;

/**
 * The templates or fonts a build needs are missing or unusable. This is not the editor's content
 * but the installation (or a {@code --templates}/{@code --fonts} folder), so it stops the run at
 * once; the command line prints the message as one sentence and exits with status 2.
 */
public final class InstallationProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InstallationProblem(String sentence) {
        super(sentence);
    }

    public InstallationProblem(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
