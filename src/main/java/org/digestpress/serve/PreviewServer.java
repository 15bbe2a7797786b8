package org.digestpress.serve;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.digestpress.BuildRequest;
import org.digestpress.engine.Workspace;
import org.digestpress.problem.Problem;

/**
 * {@code digest serve}: a local web page that shows the issue as it is now. The server builds the
 * issue with a resident {@link Workspace}, rebuilds it when a watched file changes, and tells open
 * pages over Server-Sent Events. It binds to 127.0.0.1 only and answers only requests for its own
 * origin ({@link HttpListener}); request paths select one of a fixed set of answers and are never
 * used to read a file. Whatever a build throws shows as a failed build, and the server goes on.
 *
 * <p>Endpoints: {@code GET /} the page; {@code /issue.pdf} the current PDF; {@code /events} a
 * {@code building} event when a save is seen, a {@code build} event per finished build and, in
 * the first build, an {@code early} one ({@link ServerEvents}); {@code /status.json} the last build
 * ({@link StatusJson}: problems, contents, a hash per page); {@code /pages/N.png?w=},
 * {@code /early.png}, {@code /source} and {@code /where} about the pages ({@link PageAnswers}).
 */
public final class PreviewServer implements AutoCloseable {

    /** Screen resolution: a page at 100 % zoom in the browser. */
    static final float DPI = 96;
    private static final long QUIET_MILLIS = 120;
    private final BuildRunner workspace;
    private final BuildRequest request;
    /** Made while the first build runs; null only until then (or when it could not listen). */
    private volatile HttpListener http;
    /** Open once the server listens, or gave up: a build is shown to the pages only after that. */
    private final java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
    private final ExecutorService builder;
    private final SourceWatcher watcher;
    private final ScratchFolder scratch;
    private final Set<Path> fontFolders;
    /** Loaded while the first build runs; null only before the address is said. */
    private volatile ViewerPage page;
    /** Set when the server stops: a build that ends afterwards is neither shown nor kept. */
    private volatile boolean closed;
    private final ServeSettings settings;
    private final PageAnswers pageAnswers;
    /** The issue's own PDF for the download: the server's builds are for the screen. */
    private final IssuePdf issuePdf;
    /** Tells a page that reconnects whether it still talks to the process that drew it. */
    private final String serverId = Long.toHexString(new java.security.SecureRandom().nextLong());

    private volatile BuildStatus status;
    private volatile String statusJson;
    /** Held while a build (or the kept one) is made the shown one. */
    private final Object published = new Object();
    /**
     * The build kept from the last run, and the next one to keep: looked for while the first build
     * runs (real paths, the cache folder's owner and mode: 15 ms of a cold JVM).
     */
    private final java.util.concurrent.CompletableFuture<KeptPages> kept = new java.util.concurrent.CompletableFuture<>();
    /** The last build that wrote a PDF: what the page shows while the sources are broken. */
    private volatile ShownBuild shown;
    private int builds;
    /** How often a font file changed: pages drawn with other fonts get other hashes. */
    private int fontChanges;
    /** Saves seen and not yet built: warm-up builds give way to them. */
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Starts serving, builds the issue once and starts watching; returns when the first build is
     * done. The server listens before it builds: pages opened meanwhile say that the issue is
     * being built and show it when it is.
     *
     * @param request what to build; its output is replaced by a private scratch file
     * @param watched folders whose changes trigger a rebuild (publication, templates, fonts)
     * @param port    0 for any free port
     * @throws java.net.BindException when the port is taken
     */
    public static PreviewServer start(Workspace workspace, BuildRequest request, List<Path> watched,
                                      List<Path> fontFolders, int port) throws IOException {
        return start(workspace, request, watched, fontFolders, port, ServeSettings.DEFAULT);
    }

    /**
     * As {@link #start(Workspace, BuildRequest, List, List, int)}, with the user's settings.
     *
     * @throws IllegalArgumentException with a sentence when the editor link cannot be one
     */
    public static PreviewServer start(Workspace workspace, BuildRequest request, List<Path> watched,
                                      List<Path> fontFolders, int port, ServeSettings settings) throws IOException {
        return new PreviewServer(BuildRunner.of(workspace), request, watched, fontFolders, port,
                HttpListener.Limits.DEFAULT, settings);
    }

    static PreviewServer start(BuildRunner workspace, BuildRequest request, List<Path> watched,
                               List<Path> fontFolders, int port, HttpListener.Limits limits) throws IOException {
        return new PreviewServer(workspace, request, watched, fontFolders, port, limits, ServeSettings.DEFAULT);
    }

    static PreviewServer start(BuildRunner workspace, BuildRequest request, List<Path> watched,
                               List<Path> fontFolders, int port, HttpListener.Limits limits, ServeSettings settings)
            throws IOException {
        return new PreviewServer(workspace, request, watched, fontFolders, port, limits, settings);
    }

    private PreviewServer(BuildRunner workspace, BuildRequest request, List<Path> watched, List<Path> fontFolders,
                          int port, HttpListener.Limits limits, ServeSettings settings) throws IOException {
        this.workspace = workspace;
        this.settings = settings;
        this.pageAnswers = new PageAnswers(() -> shown, EditorLink.of(settings.editor()));
        this.scratch = new ScratchFolder();
        // Drafts are shown (and marked): authors preview them. Pictures need no structure tree for
        // screen readers, so the builds leave it out (a tenth of a build); the download has it.
        this.request = new BuildRequest(request.publication(), request.issue(), scratch.resolve("issue.pdf"),
                true, true, request.templates(), request.fonts()).forScreen(true);
        this.fontFolders = Set.copyOf(fontFolders.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        builder = Executors.newSingleThreadExecutor(ServerThreads.daemon("digest-build"));
        // Watching starts before the first build, so a save made meanwhile is not missed.
        try {
            watcher = new SourceWatcher(watched, QUIET_MILLIS, this::noticed, changed -> builder.execute(() -> {
                pending.set(0);
                rebuild(changed);
            }));
        } catch (IOException | RuntimeException e) {
            builder.shutdownNow();
            scratch.drop();
            throw e;
        }
        // The first build starts now. What serves the page (status, listener, page: 25 ms of a
        // cold JVM) is made meanwhile on this thread, and the address said: the browser opens,
        // loads the page and follows the events while the issue is built. A port in use is still
        // said at once; that first build then shows and keeps nothing.
        java.util.concurrent.Future<?> first = builder.submit(() -> rebuild(Set.of()));
        this.statusJson = StatusJson.first(serverId, pageAnswers);
        issuePdf = new IssuePdf(() -> shown, workspace, builder,
                this.request.writing(scratch.resolve("download").resolve("issue.pdf")));
        try {
            this.page = ViewerPage.load();
            http = new HttpListener(port, limits, this::answer);
        } catch (IOException | RuntimeException e) {
            closed = true;
            listening.countDown();
            kept.complete(new KeptPages(null, this.request));
            watcher.close();
            builder.shutdownNow();
            scratch.drop(); // and again by the first build when it ends (it made its folder again to write)
            throw e;
        }
        listening.countDown();
        settings.onListening().accept(address());
        KeptPages keptPages;
        try {
            keptPages = new KeptPages(settings.kept(), this.request);
        } catch (RuntimeException e) {
            keptPages = new KeptPages(null, this.request); // nothing kept, as when the folder cannot be trusted
        }
        kept.complete(keptPages);
        if (keptPages.enabled()) {
            // On the other core, while the first build runs: pages kept from the last run, if nothing changed since.
            Thread restoring = ServerThreads.daemon("digest-kept").newThread(this::restore);
            restoring.start();
        }
        // Kept pages are drawn early in a cold JVM: warming the drawing up on this thread, which
        // waits anyway, paints them sooner (bench/authors-loop: 777 against 847 ms). With nothing
        // kept, the page in view is drawn by the build itself (EarlyPicture), and the warm-up took
        // more of the two cores than it saved (ten pairs, twice: first page 166 and 185 ms before
        // its cold build with it, 200 and 218 ms without).
        if (settings.warm() && status == null && keptPages.anyKept()) {
            PictureWarmUp.run();
        }
        ServerThreads.awaitQuietly(first);
        if (settings.warm()) {
            ServerThreads.warmUpLater(builder, () -> {
                ShownBuild now = shown;
                if (pending.get() == 0 && now != null) {
                    issuePdf.make(now);
                }
            }, this::warm);
        }
    }

    /** Shows the kept build, if it still holds and no build has been shown yet. */
    private void restore() {
        try {
            Optional<KeptBuild.Restored> restored = kept.join().restore();
            if (restored.isEmpty()) {
                return;
            }
            KeptBuild.Restored was = restored.get();
            ShownBuild next = ShownBuild.of(was.pdf(), was.contents(), PageSources.of(was.sources()),
                    "fonts " + fontChanges);
            synchronized (published) {
                if (status != null) {
                    next.close(); // the first build was quicker
                    return;
                }
                shown = next;
                PDRectangle box = next.pictures().size();
                status = new BuildStatus(0, true, 0, 0, next.pictures().pages(), was.issue(),
                        new float[] {box.getWidth(), box.getHeight()}, was.problems(), was.contents(),
                        request.publication(), next.places(), next.pictures().hashes());
                statusJson = StatusJson.kept(status, serverId, pageAnswers);
                http.broadcast(ServerEvents.build(statusJson));
            }
        } catch (IOException | RuntimeException e) {
            // nothing shown before the first build, as without a kept build
        }
    }

    /** A save was seen: the pages say a build is coming before the burst of saves is even over. */
    private void noticed() {
        HttpListener listener = http;
        if (pending.getAndIncrement() == 0 && listener != null) {
            listener.broadcast(ServerEvents.building(builds + 1));
        }
    }

    /**
     * One build to a scratch file that nobody sees, while nobody is waiting for a real one: a
     * resident JVM compiles its hot code with C2 over the first builds, and those should not be the
     * author's first saves. Skipped as soon as a save is seen.
     */
    private void warm() {
        if (pending.get() > 0 || status == null || !status.ok()) {
            return;
        }
        try {
            workspace.build(request.writing(scratch.resolve("warm").resolve("issue.pdf"))); // as the saves' builds: for the screen
        } catch (Throwable e) { // NOPMD: a warm-up build that fails changes nothing shown
            // the real builds report their own problems
        }
    }

    public URI address() {
        String host = http.address() instanceof Inet6Address ? "[::1]" : http.address().getHostAddress();
        return URI.create("http://" + host + ":" + http.port() + "/");
    }

    /** How many pictures of pages were drawn so far (tests count them). */
    int picturesDrawn() {
        return pageAnswers.drawn();
    }

    /** The last finished build. */
    public BuildStatus status() {
        return status;
    }

    /**
     * Builds now (the watcher calls this after a burst of saves). This is the server's last line of
     * defence: whatever the build throws, even a StackOverflowError or an OutOfMemoryError, becomes
     * a failed build with a plain sentence, and the server goes on.
     */
    private void rebuild(Set<Path> changed) {
        boolean fontsChanged = changed.stream().anyMatch(p -> fontFolders.stream().anyMatch(p::startsWith));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Workspace.IssueBuild built;
        EarlyPicture early = null;
        try {
            if (fontsChanged) {
                fontChanges++;
                workspace.reset();
            }
            if (!changed.isEmpty()) {
                kept.join().changed(changed);
            }
            // Until a page is shown, the page in view is drawn as soon as the build has drawn it.
            early = status == null ? pageAnswers.early(this::announce) : null;
            built = early == null ? workspace.build(request) : workspace.build(request, early);
        } catch (Throwable e) { // NOPMD: a preview server must outlive any build
            built = StoppedBuild.failed(e, changed, (System.nanoTime() - start) / 1_000_000);
            try {
                workspace.reset(); // what the broken build left half-made is not trusted for the next one
            } catch (Throwable again) { // NOPMD
                // the next build starts from whatever is left; it reports its own problems
            }
        }
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        publish(built, cpuMillis, early == null ? null : early.drawn());
        if (closed) {
            scratch.delete(); // stopped meanwhile: what this build wrote goes too
        }
    }

    /** The page in view was drawn before its build is done: the pages are told where to fetch it. */
    private void announce(EarlyPicture.Drawn drawn) {
        HttpListener listener = http;
        if (listener != null) {
            listener.broadcast(ServerEvents.early(drawn, serverId));
        }
    }

    private void publish(Workspace.IssueBuild built, long cpuMillis, EarlyPicture.Drawn drawnEarly) {
        try {
            listening.await(); // the first build may end before the listener is made (a test's quick builder)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ShownBuild fresh = null;
        synchronized (published) {
            if (closed) {
                return;
            }
            BuildStatus previous = status;
            List<Workspace.Entry> contents = previous == null ? List.of() : previous.contents();
            List<Double> places = previous == null ? List.of() : previous.places();
            List<String> hashes = previous == null ? List.of() : previous.hashes();
            float[] size = previous == null ? new float[] {595, 842} : previous.pageSize();
            if (!built.result().failed() && built.result().pdf() != null) {
                try {
                    String fonts = "fonts " + fontChanges;
                    if (built.laidOut() != null && drawnEarly == null) {
                        // The first picture a page waits for is drawn from its own copy while this one is read.
                        pageAnswers.drawExpected(built.laidOut().pdf(), fonts, http::work);
                    }
                    ShownBuild next = ShownBuild.of(built, workspace.sources(built), fonts);
                    pageAnswers.shown(next, drawnEarly);
                    ShownBuild old = shown;
                    shown = next;
                    if (old != null) {
                        old.close();
                    }
                    fresh = next;
                    pageAnswers.drawExpected(http::work);
                    contents = built.contents();
                    places = next.places();
                    hashes = next.pictures().hashes();
                    PDRectangle box = next.pictures().size();
                    size = new float[] {box.getWidth(), box.getHeight()};
                } catch (IOException | RuntimeException e) {
                    // the PDF just written cannot be read back: keep showing the previous one
                }
            }
            String issue = built.result().issueName() != null ? built.result().issueName()
                    : previous == null ? "" : previous.issue();
            status = new BuildStatus(++builds, !built.result().failed(), built.result().millis(), cpuMillis, hashes.size(),
                    issue, size, built.result().problems(), contents, built.publicationRoot(), places, hashes);
            statusJson = StatusJson.write(status, serverId, pageAnswers);
            http.broadcast(ServerEvents.build(statusJson));
        }
        try {
            settings.onBuild().accept(status);
        } catch (RuntimeException e) {
            // the terminal's line is a courtesy; the page has the build
        }
        if (fresh != null) {
            kept.join().keepLater(built, fresh.pdf(), builder);
        }
    }

    /** Runs on the network thread: everything here is at hand in memory, except pictures of pages. */
    private Answer answer(Request request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return NOT_FOUND;
        }
        String path = request.path();
        return switch (path) {
            case "/" -> {
                ViewerPage viewer = page;
                yield viewer == null ? Answer.text(503, "Starting; try again in a moment.") : viewer.answer(statusJson);
            }
            case "/status.json" -> Answer.of(200, "application/json; charset=utf-8",
                    statusJson.getBytes(StandardCharsets.UTF_8));
            case "/issue.pdf" -> {
                BuildStatus last = status;
                yield issuePdf.answer(last == null ? "" : last.issue(), last != null && last.build() == 0);
            }
            // The stream starts with the current status: a page that reconnects misses no build.
            case "/events" -> {
                if (status == null) {
                    pageAnswers.expect(request.query()); // its first picture is drawn as soon as the build is done
                }
                yield Answer.stream(ServerEvents.opening(statusJson));
            }
            default -> {
                Answer about = pageAnswers.answer(request);
                yield about == null ? NOT_FOUND : about;
            }
        };
    }

    private static final Answer NOT_FOUND = Answer.text(404, "Not found");

    @Override
    public void close() {
        closed = true;
        watcher.close();
        http.close();
        builder.shutdownNow();
        kept.join().keepNow();
        ShownBuild last = shown;
        shown = null;
        if (last != null) {
            last.close();
        }
        scratch.drop();
    }
}
