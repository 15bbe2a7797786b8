package org.digestpress.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.digestpress.BuildRequest;
import org.digestpress.assets.InputHashes;
import org.digestpress.engine.Workspace;

/**
 * The server's side of {@link KeptBuild}: the kept build to show at start, and when to keep the
 * next one. A good build is kept a second after it is shown (the first pictures are drawn first),
 * or when the server stops, whichever comes first. The inputs' hashes hash the template and font
 * folders whole, so they are made once and again only after a change there.
 */
final class KeptPages {

    /** A good build is kept for the next start this long after it is shown. */
    private static final long KEEP_AFTER_MILLIS = 1000;

    private final Optional<KeptBuild> kept;
    private final BuildRequest request;
    /** The template and font folders: a change there is hashed again. */
    private final List<Path> shared;
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    private InputHashes hashes;

    /** Nothing is kept when {@code folder} is null or cannot be trusted (said once on standard error). */
    KeptPages(Path folder, BuildRequest request) {
        this.request = request;
        this.kept = folder == null ? Optional.empty()
                : KeptBuild.in(folder, request, why -> System.err.println("digest: " + why));
        List<Path> folders = new ArrayList<>();
        request.templates().folder().ifPresent(folders::add);
        request.fonts().folder().ifPresent(folders::add);
        this.shared = folders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    boolean enabled() {
        return kept.isPresent();
    }

    /** Whether a build of this publication was kept (it may still be refused: see {@link #restore}). */
    boolean anyKept() {
        return kept.map(KeptBuild::exists).orElse(false);
    }

    /** The kept build, when everything it was made from is as it was. */
    Optional<KeptBuild.Restored> restore() {
        return kept.flatMap(k -> k.restore(this::hashes));
    }

    /** Files changed: a template or font among them makes the inputs hashed again. */
    synchronized void changed(Set<Path> files) {
        if (files.stream().anyMatch(p -> shared.stream().anyMatch(p::startsWith))) {
            hashes = null;
        }
    }

    /** Keeps {@code built} (whose PDF is {@code pdf}) on {@code executor} a second from now, unless a stop comes first. */
    void keepLater(Workspace.IssueBuild built, byte[] pdf, Executor executor) {
        if (kept.isEmpty()) {
            return;
        }
        pending.set(() -> {
            try {
                kept.get().save(built, pdf, hashes());
            } catch (IOException | RuntimeException e) {
                // the next start waits for its first build, as without a kept build
            }
        });
        CompletableFuture.delayedExecutor(KEEP_AFTER_MILLIS, TimeUnit.MILLISECONDS, executor).execute(this::keepNow);
    }

    /** Keeps the build waiting to be kept, if any (the server stops). */
    void keepNow() {
        Runnable next = pending.getAndSet(null);
        if (next != null) {
            next.run();
        }
    }

    private synchronized InputHashes hashes() throws IOException {
        if (hashes == null) {
            hashes = new InputHashes(request.publication(), request.templates(), request.fonts());
        }
        return hashes;
    }
}
