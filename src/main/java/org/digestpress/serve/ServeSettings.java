package org.digestpress.serve;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the user set: the editor's link template ({@code serve --editor}), what hears of
 * every finished build (the terminal's line per rebuild), and what hears the address as soon as
 * the server listens, before the first build (the terminal's "Serving at", the browser).
 */
public record ServeSettings(String editor, Consumer<BuildStatus> onBuild, boolean warm,
                            Consumer<URI> onListening, Path kept) {
    public static final ServeSettings DEFAULT = new ServeSettings(null, s -> { }, false);

    /**
     * Nothing to hear of the listening address, no build kept between runs.
     *
     * @param warm warm up what draws the first picture while the first build runs, and build
     *             again after it while nobody saves, so that the JIT has compiled a build's code,
     *             as a resident server should (tests leave it off)
     */
    public ServeSettings(String editor, Consumer<BuildStatus> onBuild, boolean warm) {
        this(editor, onBuild, warm, address -> { }, null);
    }

    /** The folder of the user's cache where serve keeps its last good build ({@link KeptBuild}), if any. */
    public static Path keptFolder(Map<String, String> env) {
        return KeptBuild.folder(env).orElse(null);
    }
}
