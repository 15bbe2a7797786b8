package org.digestpress.serve;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.digestpress.BuildRequest;
import org.digestpress.Workspace;

/**
 * {@code digest serve}: a local web page that shows the issue as it is now. The server builds the
 * issue with a resident {@link Workspace}, rebuilds it when a watched file changes, and tells open
 * pages over Server-Sent Events. It binds to 127.0.0.1 only; request paths select one of a fixed set
 * of answers and are never used to read a file.
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

    private final Workspace workspace;
    private final BuildRequest request;
    private final HttpServer http;
    private final ExecutorService handlers;
    private final ExecutorService builder;
    private final SourceWatcher watcher;
    private final List<BlockingQueue<String>> listeners = new CopyOnWriteArrayList<>();
    private final Path scratch;
    private final Set<Path> fontFolders;
    private final byte[] page;

    private volatile Status status;
    /** The last build that wrote a PDF: what the page shows while the sources are broken. */
    private Good good;
    private int builds;

    private record Good(byte[] pdf, PDDocument document, PDFRenderer renderer, Map<Integer, byte[]> pictures) {
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
        return new PreviewServer(workspace, request, watched, fontFolders, port);
    }

    private PreviewServer(Workspace workspace, BuildRequest request, List<Path> watched, List<Path> fontFolders,
                          int port) throws IOException {
        this.workspace = workspace;
        this.scratch = Files.createTempDirectory("digest-serve");
        this.request = new BuildRequest(request.publication(), request.issue(), scratch.resolve("issue.pdf"),
                request.drafts(), true, request.templates(), request.fonts());
        this.fontFolders = Set.copyOf(fontFolders.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        try (InputStream in = PreviewServer.class.getResourceAsStream("page.html")) {
            this.page = in.readAllBytes();
        }
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
        handlers = Executors.newCachedThreadPool(daemon("digest-http"));
        builder = Executors.newSingleThreadExecutor(daemon("digest-build"));
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
        // Watching starts before the first build, so a save made meanwhile is not missed.
        watcher = new SourceWatcher(watched, QUIET_MILLIS, changed -> builder.execute(() -> rebuild(changed)));
        try {
            builder.submit(() -> rebuild(Set.of())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        http.start();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    /** The last finished build. */
    public Status status() {
        return status;
    }

    /** Builds now (the watcher calls this after a burst of saves). */
    private void rebuild(Set<Path> changed) {
        boolean fontsChanged = changed.stream().anyMatch(p -> fontFolders.stream().anyMatch(p::startsWith));
        if (fontsChanged) {
            workspace.reset();
        }
        Workspace.IssueBuild built;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        try {
            built = workspace.buildIssue(request);
        } catch (RuntimeException e) {
            // A broken installation (a font file removed mid-session): show it, keep serving.
            built = new Workspace.IssueBuild(new org.digestpress.BuildResult(null, 0, 0, 0, null,
                    List.of(org.digestpress.problem.Problem.error(null, 0, 0, e.getMessage() == null
                            ? "The build stopped: " + e.getClass().getSimpleName() : e.getMessage()))),
                    null, List.of());
        }
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
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
                }
                contents = built.contents();
                size = new float[] {box.getWidth(), box.getHeight()};
                pages = document.getNumberOfPages();
            } catch (IOException e) {
                // the PDF just written cannot be read back: keep showing the previous one
            }
        }
        String issue = built.result().issueName() != null ? built.result().issueName()
                : previous == null ? "" : previous.issue();
        status = new Status(++builds, !built.result().failed(), built.result().millis(), cpuMillis, pages, issue, size,
                built.result().problems(), contents, built.publicationRoot());
        String json = StatusJson.write(status);
        for (BlockingQueue<String> listener : listeners) {
            listener.offer(json);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Matcher pageNumber = PAGE.matcher(path);
            switch (path) {
                case "/" -> send(exchange, 200, "text/html; charset=utf-8", new String(page, StandardCharsets.UTF_8)
                        .replace("/*STATUS*/null", StatusJson.write(status)).getBytes(StandardCharsets.UTF_8));
                case "/status.json" -> send(exchange, 200, "application/json; charset=utf-8",
                        StatusJson.write(status).getBytes(StandardCharsets.UTF_8));
                case "/issue.pdf" -> {
                    byte[] pdf;
                    synchronized (this) {
                        pdf = good == null ? null : good.pdf();
                    }
                    if (pdf == null) {
                        send(exchange, 404, "text/plain; charset=utf-8", "No PDF yet: see the problems.\n"
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        exchange.getResponseHeaders().set("Content-Disposition",
                                "inline; filename=\"" + status.issue() + ".pdf\"");
                        send(exchange, 200, "application/pdf", pdf);
                    }
                }
                case "/events" -> events(exchange);
                default -> {
                    byte[] png = pageNumber.matches() ? picture(Integer.parseInt(pageNumber.group(1))) : null;
                    if (png == null) {
                        send(exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
                    } else {
                        send(exchange, 200, "image/png", png);
                    }
                }
            }
        } catch (IOException e) {
            // the browser went away mid-answer
        }
    }

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

    /** Server-Sent Events: the status after every finished build, until the page closes. */
    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        listeners.add(queue);
        try {
            OutputStream out = exchange.getResponseBody();
            out.write(("retry: 1000\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String json = queue.poll(15, TimeUnit.SECONDS);
                String message = json == null ? ": keep-alive\n\n" : "event: build\ndata: " + json + "\n\n";
                if (json == STOP) {
                    return;
                }
                out.write(message.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            listeners.remove(queue);
        }
    }

    private static final String STOP = new String("stop");

    private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(code, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        watcher.close();
        for (BlockingQueue<String> listener : listeners) {
            listener.offer(STOP);
        }
        http.stop(0);
        builder.shutdownNow();
        handlers.shutdownNow();
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
