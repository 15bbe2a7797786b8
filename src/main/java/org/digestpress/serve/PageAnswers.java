package org.digestpress.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.pdf.SourceMap;
import org.digestpress.problem.Json;

/**
 * The answers about pages of the shown build: {@code /pages/N.png?w=PIXELS} (a picture that wide),
 * {@code /early.png} (the page in view, drawn before the first build was done: {@link EarlyPicture}),
 * {@code /source?page=&x=&y=} (the source file, line and column of what is printed there, with the
 * editor's link) and {@code /where?file=&line=} (the first page that prints something of that line).
 * Every parameter is checked and only looks things up: no file is read from a request.
 */
final class PageAnswers {

    private static final Pattern PAGE = Pattern.compile("/pages/([1-9][0-9]{0,4})\\.png");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,6}");
    private static final Pattern FRACTION = Pattern.compile("(0|1)(\\.[0-9]{1,8})?|\\.[0-9]{1,8}");
    private static final Answer NOT_FOUND = Answer.text(404, "Not found");

    private final Supplier<ShownBuild> shown;
    private final PictureCache cache = new PictureCache();
    /** Pictures being drawn, by hash and width: a request for one joins its drawing. */
    private final Map<String, java.util.concurrent.CompletableFuture<byte[]>> drawing =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The picture the last page that connected will ask for first: page and width, or null. */
    private volatile int[] expected;
    private final java.util.concurrent.atomic.AtomicInteger drawn = new java.util.concurrent.atomic.AtomicInteger();

    /** The picture drawn early in the last build that drew one ({@code /early.png}), or null. */
    private volatile EarlyPicture.Drawn early;

    /** How many pictures were drawn (not taken from the cache) so far. */
    int drawn() {
        return drawn.get();
    }
    private final Optional<EditorLink> editor;

    boolean hasEditor() {
        return editor.isPresent();
    }

    PageAnswers(Supplier<ShownBuild> shown, Optional<EditorLink> editor) {
        this.shown = shown;
        this.editor = editor;
    }

    /** The answer for one of these paths, or null when the path is none of them. */
    Answer answer(Request request) {
        String path = request.path();
        Matcher page = PAGE.matcher(path);
        if (page.matches()) {
            int number = Integer.parseInt(page.group(1));
            String w = request.query().get("w");
            // Without a width: 96 dpi, a page at 100 % zoom on a screen of pixel ratio 1 (A4: 794 pixels).
            int width = w != null && NUMBER.matcher(w).matches() ? Integer.parseInt(w) : 0;
            return Answer.later(() -> picture(number, width));
        }
        return switch (path) {
            case "/early.png" -> {
                EarlyPicture.Drawn picture = early;
                yield picture == null ? NOT_FOUND : Answer.of(200, "image/png", picture.png());
            }
            case "/source" -> source(request.query());
            case "/where" -> where(request.query());
            default -> null;
        };
    }

    private Answer picture(int number, int asked) {
        for (int attempt = 0; attempt < 3; attempt++) {
            ShownBuild build = shown.get();
            if (build == null || number > build.pictures().pages()) {
                return NOT_FOUND;
            }
            PagePictures pictures = build.pictures();
            int width = PagePictures.clamp(asked > 0 ? asked
                    : Math.round(pictures.size().getWidth() * PreviewServer.DPI / 72));
            String hash = pictures.hashes().get(number - 1);
            byte[] png;
            try {
                png = draw(pictures, number, hash, width);
            } catch (IOException e) {
                return Answer.text(500, "This page could not be drawn.");
            }
            if (png == null) {
                continue; // a newer build replaced this one while it waited: draw from that
            }
            return Answer.of(200, "image/png", png).with("X-Page-Hash", hash);
        }
        return Answer.text(503, "The pages are being replaced; try again.");
    }

    /** Draws one picture; null when its build was replaced meanwhile. */
    private interface Picture {
        byte[] draw() throws IOException;
    }

    private byte[] draw(PagePictures pictures, int number, String hash, int width) throws IOException {
        return drawOnce(hash, width, () -> pictures.png(number, width));
    }

    /**
     * The picture from the cache, or drawn now by {@code picture}; when another thread is drawing
     * it, its drawing is awaited instead of drawn twice (and should that fail, as a drawing ahead
     * from another copy of the PDF may, it is drawn here). Null when the build was replaced meanwhile.
     */
    private byte[] drawOnce(String hash, int width, Picture picture) throws IOException {
        byte[] png = cache.get(hash, width);
        if (png != null) {
            return png;
        }
        String key = hash + "@" + width;
        java.util.concurrent.CompletableFuture<byte[]> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<byte[]> theirs = drawing.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (java.util.concurrent.CompletionException e) {
                return kept(hash, width, picture.draw());
            }
        }
        try {
            png = kept(hash, width, picture.draw());
            mine.complete(png);
            return png;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            drawing.remove(key, mine);
        }
    }

    /** A picture just drawn, counted and cached. */
    private byte[] kept(String hash, int width, byte[] png) {
        if (png != null) {
            drawn.incrementAndGet();
            cache.put(hash, width, png);
        }
        return png;
    }

    /**
     * A page that connects says which picture it will ask for first ({@code /events?page=N&w=PIXELS});
     * bad values are ignored, as the page then only asks later.
     */
    void expect(Map<String, String> query) {
        String page = query.get("page");
        String w = query.get("w");
        if (page != null && w != null && NUMBER.matcher(page).matches() && NUMBER.matcher(w).matches()
                && Integer.parseInt(page) >= 1) {
            expected = new int[] {Integer.parseInt(page), PagePictures.clamp(Integer.parseInt(w))};
        }
    }

    /**
     * For a build while no page was shown yet: draws the picture the page that connected asks for
     * first as soon as the build has drawn that page (see {@link EarlyPicture}), and then calls
     * {@code announce}. Null when no page is waiting for one.
     */
    EarlyPicture early(java.util.function.Consumer<EarlyPicture.Drawn> announce) {
        return new EarlyPicture(() -> expected, drawn -> {
            this.drawn.incrementAndGet();
            early = drawn;
            announce.accept(drawn);
        });
    }

    /**
     * A build was shown. The picture its page drew early (null for none) is that page of it
     * (EarlyPictureTest), so it is kept under the page's hash and nothing is drawn ahead; an
     * older build's early picture is no longer served.
     */
    void shown(ShownBuild build, EarlyPicture.Drawn drawnEarly) {
        if (drawnEarly == null) {
            early = null;
            return;
        }
        if (drawnEarly.page() <= build.pictures().pages()) {
            cache.put(build.pictures().hashes().get(drawnEarly.page() - 1), drawnEarly.width(), drawnEarly.png());
            expected = null;
        }
    }

    /**
     * Starts drawing the picture a page will ask for first, on {@code worker}, as soon as a build
     * is shown: it is then drawn while the build's status travels to the page, and the page's
     * request joins it. Only for the first build a page sees; later the page asks for what it shows.
     */
    void drawExpected(java.util.function.Consumer<Runnable> worker) {
        int[] first = expected;
        expected = null;
        if (first != null) {
            worker.accept(() -> picture(first[0], first[1]));
        }
    }

    /**
     * As {@link #drawExpected(java.util.function.Consumer)}, from the bytes of a build's PDF before
     * it is shown: {@code worker} reads its own copy of the document, so the picture is drawn while
     * the build's thread reads the shown copy (the hashes of all pages, the contents' places);
     * with {@code fonts} as given to {@link PagePictures}, it gets the hash the shown build will
     * have, and the page's request finds it drawn or joins its drawing.
     */
    void drawExpected(byte[] pdf, String fonts, java.util.function.Consumer<Runnable> worker) {
        int[] first = expected;
        expected = null;
        if (first == null) {
            return;
        }
        worker.accept(() -> {
            try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                if (first[0] > document.getNumberOfPages()) {
                    return;
                }
                String hash = PagePictures.hash(document.getPage(first[0] - 1), fonts);
                drawOnce(hash, first[1], () -> PagePictures.draw(document,
                        new org.apache.pdfbox.rendering.PDFRenderer(document), first[0], first[1]));
            } catch (IOException | RuntimeException e) {
                // the page's request draws it from the shown build
            }
        });
    }

    private Answer source(Map<String, String> query) {
        ShownBuild build = shown.get();
        String page = query.get("page");
        String x = query.get("x");
        String y = query.get("y");
        if (page == null || x == null || y == null || !NUMBER.matcher(page).matches()
                || !FRACTION.matcher(x).matches() || !FRACTION.matcher(y).matches()) {
            return json(400, Map.of("error", "Ask /source?page=N&x=FRACTION&y=FRACTION (0 to 1 from the top left)."));
        }
        int number = Integer.parseInt(page);
        double fx = Double.parseDouble(x);
        double fy = Double.parseDouble(y);
        if (fx > 1 || fy > 1) {
            return json(400, Map.of("error", "x and y are fractions of the page, from 0 to 1."));
        }
        if (build == null || number < 1 || number > build.pictures().pages()) {
            return json(404, Map.of("error", "There is no such page."));
        }
        Optional<SourceMap.Point> point = build.sources().at(number, fx, fy);
        if (point.isEmpty()) {
            return json(404, Map.of("error", "Nothing from a source file is printed there."));
        }
        return json(200, place(point.get()));
    }

    /** The editor's link to that place, or null when no editor is set. */
    String link(Path file, int line, int column) {
        return editor.map(e -> e.to(file, line, column)).orElse(null);
    }

    /** File (absolute), line, column and, when an editor is set, its link. */
    Map<String, Object> place(SourceMap.Point point) {
        Map<String, Object> answer = new LinkedHashMap<>();
        Path file = point.file().toAbsolutePath().normalize();
        answer.put("file", file.toString());
        answer.put("line", point.line());
        answer.put("column", point.column());
        answer.put("link", link(file, point.line(), point.column()));
        return answer;
    }

    private Answer where(Map<String, String> query) {
        ShownBuild build = shown.get();
        String file = query.get("file");
        String line = query.get("line");
        if (file == null || file.isEmpty() || line == null || !NUMBER.matcher(line).matches()) {
            return json(400, Map.of("error", "Ask /where?file=PATH&line=N."));
        }
        Path path;
        try {
            path = Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return json(400, Map.of("error", "That is not a path."));
        }
        if (build == null) {
            return json(404, Map.of("error", "No pages yet."));
        }
        int number = Integer.parseInt(line);
        OptionalInt page = build.sources().pageOf(path, number);
        if (page.isEmpty()) {
            // The map may know the file by its real path (a link in the way); looking it up reads no file.
            try {
                Path real = path.toRealPath();
                if (!real.equals(path) && Files.isRegularFile(real)) {
                    page = build.sources().pageOf(real, number);
                }
            } catch (IOException e) {
                // no such file: nothing is printed from it
            }
        }
        if (page.isEmpty()) {
            return json(404, Map.of("error", "Nothing of that line is printed."));
        }
        return json(200, Map.of("page", page.getAsInt()));
    }

    private static Answer json(int status, Map<String, ?> body) {
        return Answer.of(status, "application/json; charset=utf-8",
                Json.line(body).getBytes(StandardCharsets.UTF_8));
    }
}
