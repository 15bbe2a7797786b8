package org.digestpress.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.digestpress.BuildRequest;
import org.digestpress.Pipeline;
import org.digestpress.engine.Workspace;

/**
 * The workspaces an engine keeps warm, one per (publication, templates, fonts), obtained from the
 * {@link Pipeline} façade as {@code serve} does. The two used last are kept (an editor switching
 * between a publication and a test copy keeps both warm; memory stays bounded). As in {@code
 * serve}, a changed font folder or a command that ended in an internal error starts the workspace
 * afresh: the workspace itself notices edited articles and templates, not replaced fonts.
 */
final class WarmWorkspaces implements Function<BuildRequest, Workspace> {

    private static final int KEPT = 2;

    private record Kept(Workspace workspace, String fonts) {
    }

    private final Map<String, Kept> kept = new LinkedHashMap<>(4, 0.75f, true);
    private String lastKey;

    @Override
    public synchronized Workspace apply(BuildRequest request) {
        String key = key(request);
        String fonts = fingerprint(request.fonts().folder());
        Kept found = kept.get(key);
        if (found == null || !found.fonts.equals(fonts)) {
            found = new Kept(Pipeline.workspace(), fonts);
            kept.put(key, found);
            while (kept.size() > KEPT) {
                kept.remove(kept.keySet().iterator().next());
            }
        }
        lastKey = key;
        return found.workspace;
    }

    /** After an internal error: the workspace the command used is not trusted any more. */
    synchronized void distrustLast() {
        if (lastKey != null) {
            kept.remove(lastKey);
        }
    }

    synchronized int size() {
        return kept.size();
    }

    private static String key(BuildRequest request) {
        return request.publication().toAbsolutePath().normalize() + "\n"
                + request.templates().folder().map(Path::toString).orElse("(built-in)") + "\n"
                + request.fonts().folder().map(Path::toString).orElse("(built-in)");
    }

    /** The names, sizes and times of the font files: a replaced font changes it. */
    private static String fingerprint(Optional<Path> folder) {
        if (folder.isEmpty()) {
            return "";
        }
        StringBuilder print = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder.get())) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> {
                try {
                    print.append(f).append(' ').append(Files.size(f)).append(' ')
                            .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                } catch (IOException e) {
                    print.append(f).append(" ?\n");
                }
            });
        } catch (IOException | RuntimeException e) {
            print.append("unreadable ").append(System.nanoTime()); // never matches: start afresh
        }
        return print.toString();
    }
}
