package org.digestpress.serve;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.Workspace;
import org.digestpress.problem.Problem;

/**
 * {@code digest serve}: a local web page that shows the issue as it is now. The server builds the
 * issue with a resident {@link Workspace}, rebuilds it when a watched file changes, and tells open
 * pages over Server-Sent Events. It binds to 127.0.0.1 only and answers only requests for its own
 * origin ({@link HttpListener}); request paths select one of a fixed set of answers and are never
 * used to read a file. Whatever a build throws shows as a failed build, and the server goes on.
 *
 * <p>Endpoints: {@code GET /} the page; {@code /issue.pdf} the current PDF; {@code /pages/N.png} page
 * N as a picture; {@code /events} one SSE event per finished build; {@code /status.json} the last
 * build: {@code {"build", "ok", "ms", "pages", "problems": [{file, line, column, severity, message}]}}.
 */
public final class PreviewServer implements AutoCloseable {

    /** Screen resolution: a page at 100 % zoom in the browser. */
    static final float DPI = 96;
    private static final Pattern PAGE = Pattern.compile("/pages/([1-9][0-9]{0,4})\\.png");
    private static final long QUIET_MILLIS = 120;

    private final IssueBuilder workspace;
    private final BuildRequest request;
    /** Null until the first build is done: only then does the server listen. */
    private volatile HttpListener http;
    private final ExecutorService builder;
    private final SourceWatcher watcher;
    private final Path scratch;
    private final Set<Path> fontFolders;
    private final String page;
    private final String pagePolicy;

    private volatile Status status;
    private volatile String statusJson;
    /** The last build that wrote a PDF: what the page shows while the sources are broken. */
    private Good good;
    /** The last good PDF's bytes, apart from {@link #good}: the network thread must not wait for a drawing. */
    private volatile byte[] goodPdf;
    private int builds;

    private record Good(byte[] pdf, PDDocument document, PDFRenderer renderer, Map<Integer, byte[]> pictures) {
    }

    /** What builds the issue: the resident {@link Workspace}; a test puts in one that fails its own way. */
    interface IssueBuilder {
        Workspace.IssueBuild build(BuildRequest request);

        void reset();

        static IssueBuilder of(Workspace workspace) {
            return new IssueBuilder() {
                @Override
                public Workspace.IssueBuild build(BuildRequest request) {
                    return workspace.buildIssue(request);
                }

                @Override
                public void reset() {
                    workspace.reset();
                }
            };
        }
    }

    /**
     * Builds the issue once, then starts serving and watching.
     *
     * @param request what to build; its output is replaced by a private scratch file
     * @param watched folders whose changes trigger a rebuild (publication, templates, fonts)
     * @param port    0 for any free port
     * @throws java.net.BindException when the port is taken
     */
    public static PreviewServer start(Workspace workspace, BuildRequest request, List<Path> watched,
                                      List<Path> fontFolders, int port) throws IOException {
        return new PreviewServer(IssueBuilder.of(workspace), request, watched, fontFolders, port,
                HttpListener.Limits.DEFAULT);
    }

    static PreviewServer start(IssueBuilder workspace, BuildRequest request, List<Path> watched,
                               List<Path> fontFolders, int port, HttpListener.Limits limits) throws IOException {
        return new PreviewServer(workspace, request, watched, fontFolders, port, limits);
    }

    private PreviewServer(IssueBuilder workspace, BuildRequest request, List<Path> watched, List<Path> fontFolders,
                          int port, HttpListener.Limits limits) throws IOException {
        this.workspace = workspace;
        this.scratch = Files.createTempDirectory("digest-serve");
        this.request = new BuildRequest(request.publication(), request.issue(), scratch.resolve("issue.pdf"),
                true, true, request.templates(), request.fonts()); // drafts are shown (and marked): authors preview them
        this.fontFolders = Set.copyOf(fontFolders.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        try (InputStream in = PreviewServer.class.getResourceAsStream("page.html")) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        this.pagePolicy = policy(page);
        builder = Executors.newSingleThreadExecutor(daemon("digest-build"));
        // Watching starts before the first build, so a save made meanwhile is not missed.
        watcher = new SourceWatcher(watched, QUIET_MILLIS, changed -> builder.execute(() -> rebuild(changed)));
        try {
            builder.submit(() -> rebuild(Set.of())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // rebuild() turns every failure into a failed build; nothing is left to come out here
        }
        try {
            http = new HttpListener(port, limits, this::answer);
        } catch (IOException e) {
            watcher.close();
            builder.shutdownNow();
            throw e;
        }
    }

    /** Daemon threads; one that dies unexpectedly says so in a sentence, not with a stack trace. */
    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> System.err.println(
                    "digest: the preview server's " + name + " thread stopped unexpectedly."));
            return t;
        };
    }

    /**
     * The page's Content-Security-Policy: its own inline script and style (by hash) and pictures,
     * requests and events from this server, nothing else; no framing, no forms.
     */
    private static String policy(String page) {
        return "default-src 'none'; script-src " + hash(page, "<script>") + "; style-src " + hash(page, "<style>")
                + "; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static String hash(String page, String open) {
        int start = page.indexOf(open) + open.length();
        String text = page.substring(start, page.indexOf("</" + open.substring(1), start));
        try {
            return "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public URI address() {
        String host = http.address() instanceof Inet6Address ? "[::1]" : http.address().getHostAddress();
        return URI.create("http://" + host + ":" + http.port() + "/");
    }

    /** The last finished build. */
    public Status status() {
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
        try {
            if (fontsChanged) {
                workspace.reset();
            }
            built = workspace.build(request);
        } catch (Throwable e) { // NOPMD: a preview server must outlive any build
            // One file saved just before is the likeliest cause: the problem points there.
            Path saved = changed.size() == 1 && Files.isRegularFile(changed.iterator().next())
                    ? changed.iterator().next() : null;
            String sentence = stopped(e) + (saved == null ? "" : " It happened after this file was saved.")
                    + " The pages shown are from the last good build.";
            built = new Workspace.IssueBuild(new BuildResult(null, 0, 0, (System.nanoTime() - start) / 1_000_000,
                    null, List.of(Problem.error(saved, 0, 0, sentence))), null, List.of());
            try {
                workspace.reset(); // what the broken build left half-made is not trusted for the next one
            } catch (Throwable again) { // NOPMD
                // the next build starts from whatever is left; it reports its own problems
            }
        }
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        publish(built, cpuMillis);
    }

    /** A sentence for a build that threw: what happened, never the name of a Java class. */
    static String stopped(Throwable e) {
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

    private void publish(Workspace.IssueBuild built, long cpuMillis) {
        Status previous = status;
        List<Workspace.Entry> contents = previous == null ? List.of() : previous.contents();
        float[] size = previous == null ? new float[] {595, 842} : previous.pageSize();
        int pages = previous == null ? 0 : previous.pages();
        if (!built.result().failed() && built.result().pdf() != null) {
            try {
                byte[] pdf = Files.readAllBytes(built.result().pdf());
                PDDocument document = Loader.loadPDF(pdf);
                PDRectangle box = document.getPage(0).getMediaBox();
                synchronized (this) {
                    if (good != null) {
                        good.document().close();
                    }
                    good = new Good(pdf, document, new PDFRenderer(document), new HashMap<>());
                    goodPdf = pdf;
                }
                contents = built.contents();
                size = new float[] {box.getWidth(), box.getHeight()};
                pages = document.getNumberOfPages();
            } catch (IOException | RuntimeException e) {
                // the PDF just written cannot be read back: keep showing the previous one
            }
        }
        String issue = built.result().issueName() != null ? built.result().issueName()
                : previous == null ? "" : previous.issue();
        status = new Status(++builds, !built.result().failed(), built.result().millis(), cpuMillis, pages, issue, size,
                built.result().problems(), contents, built.publicationRoot());
        statusJson = StatusJson.write(status);
        if (http != null) {
            http.broadcast(event(statusJson));
        }
    }

    private static byte[] event(String json) {
        return ("event: build\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Runs on the network thread: everything here is at hand in memory, except pictures of pages. */
    private Answer answer(Request request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return NOT_FOUND;
        }
        String path = request.path();
        Matcher pageNumber = PAGE.matcher(path);
        return switch (path) {
            case "/" -> Answer.of(200, "text/html; charset=utf-8", page.replace("/*STATUS*/null", statusJson)
                    .getBytes(StandardCharsets.UTF_8)).with("Content-Security-Policy", pagePolicy);
            case "/status.json" -> Answer.of(200, "application/json; charset=utf-8",
                    statusJson.getBytes(StandardCharsets.UTF_8));
            case "/issue.pdf" -> {
                byte[] pdf = goodPdf;
                yield pdf == null ? Answer.text(404, "No PDF yet: see the problems.")
                        : Answer.of(200, "application/pdf", pdf)
                        .with("Content-Disposition", "inline; filename=\"" + status.issue() + ".pdf\"");
            }
            // The stream starts with the current status: a page that reconnects misses no build.
            case "/events" -> Answer.stream(("retry: 1000\n\n" + new String(event(statusJson),
                    StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            default -> pageNumber.matches() ? Answer.later(() -> {
                try {
                    byte[] png = picture(Integer.parseInt(pageNumber.group(1)));
                    return png == null ? NOT_FOUND : Answer.of(200, "image/png", png);
                } catch (IOException e) {
                    return Answer.text(500, "This page could not be drawn.");
                }
            }) : NOT_FOUND;
        };
    }

    private static final Answer NOT_FOUND = Answer.text(404, "Not found");

    /** Page {@code number} of the last good PDF as a PNG, rendered once per build. */
    private synchronized byte[] picture(int number) throws IOException {
        if (good == null || number > good.document().getNumberOfPages()) {
            return null;
        }
        byte[] png = good.pictures().get(number);
        if (png == null) {
            BufferedImage image = good.renderer().renderImageWithDPI(number - 1, DPI, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            png = out.toByteArray();
            good.pictures().put(number, png);
        }
        return png;
    }

    @Override
    public void close() {
        watcher.close();
        http.close();
        builder.shutdownNow();
        synchronized (this) {
            if (good != null) {
                try {
                    good.document().close();
                } catch (IOException e) {
                    // closing an in-memory document cannot lose anything
                }
                good = null;
            }
        }
        try (var files = Files.walk(scratch)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a scratch file left in the temp folder is harmless
        }
    }

    /**
     * What the last build gave. Pages and contents are those of the last good build, which the page
     * keeps showing while the sources have errors. {@code cpuMillis} is the CPU time of the building
     * thread: on a busy machine it tells what the build costs, apart from waiting for a core.
     */
    public record Status(int build, boolean ok, long millis, long cpuMillis, int pages, String issue, float[] pageSize,
                         List<org.digestpress.problem.Problem> problems, List<Workspace.Entry> contents,
                         Path publicationRoot) {
        public Status {
            problems = List.copyOf(problems);
            contents = List.copyOf(new ArrayList<>(contents));
        }
    }
}
