// The serve half of bench/authors-loop, in headless Chromium (Selenium, from the test classpath):
//   java -cp TEST_CLASSPATH bench/AuthorsLoopInBrowser.java DIGEST WORK ROUNDS WARMUP
// Starts `digest serve` in WORK (a copy of content/), opens its page at 1440x1000, and prints
//   cold    a cold `digest build` (no engine), run just before each first start
//   first   from starting `digest serve` until the first page is painted in the browser, nothing
//           kept (five starts, each with an empty cache of the bench's own)
//   again   the same after the rounds, stopped and started again with nothing changed: the kept
//           pages (five starts)
//   saved   per round, from writing the article until the edited page is painted in the browser
//   event   from the build event's arrival in the page until that page is painted
//   cpu     CPU time of the whole serve process per round (all threads: build, pictures, JIT, GC)
//   build   CPU time of the thread that built (its own cpuMs)
//   viewer  CPU time of the threads that draw pictures and answer requests (digest-draw, digest-http)
// as tab-separated numbers, one line per measure, for bench/authors-loop to summarise.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

public class AuthorsLoopInBrowser {

    /** Starts of serve timed for `first` (nothing kept) and for `again` (the kept pages). */
    static final int STARTS = 5;
    static final String ARTICLE = "content/2025-06/events/03-mediaklaster-moskva.md";

    public static void main(String[] args) throws Exception {
        String digest = args[0];
        Path work = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1440,1000");
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        browser.get("about:blank");
        JavascriptExecutor js = browser;
        // The calls the measure makes are made once before it, so that this process's own first
        // (interpreted) runs of them take no CPU from the server while it builds.
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        for (int i = 0; i < 20; i++) {
            browser.get("data:text/html,<p>warm-up " + i);
            js.executeAsyncScript("arguments[arguments.length - 1](1);");
            js.executeScript("return 1;");
        }
        browser.get("about:blank");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        // serve keeps its last good build in a cache of the bench's own, empty at first: the first
        // start is a cold one, the start after the rounds finds the pages of the last round kept.
        Path cache = Files.createTempDirectory(work, "cache");
        long[] started = new long[1];
        // Cold starts: each with an empty cache, the last one stays for the rounds.
        // Each start is paired with a cold build just before it, so that a machine that slows down
        // or speeds up during the run favours neither.
        List<Long> colds = new ArrayList<>();
        List<Long> firsts = new ArrayList<>();
        Process serve = null;
        for (int i = 0; i < STARTS; i++) {
            if (serve != null) {
                serve.destroy();
                serve.waitFor();
                browser.get("about:blank");
            }
            colds.add(coldBuild(digest, work));
            emptyFolder(cache);
            serve = startServe(digest, work, cache, browser, js, started);
            firsts.add(firstPaint(js) - started[0]);
        }
        try {
            print("cold", colds);
            print("first", firsts);
            // The first page is painted before the first build is done (serve's early picture):
            // its contents come with the build.
            wait.until(b -> Boolean.TRUE.equals(js.executeScript("return status !== null && status.build >= 1;")));
            // The edited article's first page in view, as an author reading it.
            js.executeScript("const a = [...document.querySelectorAll('#contents a')].find(a => /едиакластер|едиатехнолог/"
                    + ".test(a.textContent)); a.click();");
            Path article = work.resolve(ARTICLE);
            String original = Files.readString(article);
            List<Long> saved = new ArrayList<>(), event = new ArrayList<>(), cpu = new ArrayList<>(), build = new ArrayList<>(),
                    viewer = new ArrayList<>();
            for (int i = 0; i < rounds + warmup; i++) {
                Thread.sleep(400); // the last round's pictures and events are done
                int before = ((Number) js.executeScript("return status.build;")).intValue();
                long cpuBefore = cpuMillis(serve.pid());
                long viewerBefore = viewerMillis(serve.pid());
                long save = System.currentTimeMillis();
                Files.writeString(article, original.replaceFirst("\n$", "") + "\n\nПравка для замера № " + i + ".\n");
                wait.until(b -> ((Number) js.executeScript("return digestPainted.filter(p => p.build > " + before
                        + ").length;")).intValue() > 0);
                @SuppressWarnings("unchecked")
                Map<String, Object> painted = (Map<String, Object>) js.executeScript(
                        "return digestPainted.filter(p => p.build > " + before + ")[0];");
                wait.until(b -> Boolean.TRUE.equals(js.executeScript("return inFlight === 0;")));
                Thread.sleep(200);
                long cpuAfter = cpuMillis(serve.pid());
                long viewerAfter = viewerMillis(serve.pid());
                if (i >= warmup) {
                    saved.add(((Number) painted.get("at")).longValue() - save);
                    event.add(((Number) painted.get("ms")).longValue());
                    cpu.add(cpuAfter - cpuBefore);
                    viewer.add(viewerAfter - viewerBefore);
                    build.add(((Number) js.executeScript("return status.cpuMs;")).longValue());
                }
            }
            print("saved", saved);
            print("event", event);
            print("cpu", cpu);
            print("build", build);
            print("viewer", viewer);
            // Stopped and started again, nothing changed meanwhile: the kept pages.
            List<Long> again = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                serve.destroy();
                serve.waitFor();
                browser.get("about:blank");
                serve = startServe(digest, work, cache, browser, js, started);
                again.add(firstPaint(js) - started[0]);
            }
            print("again", again);
        } finally {
            browser.quit();
            serve.destroy();
            serve.waitFor();
        }
    }

    static void emptyFolder(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A cold `digest build` of WORK's sample, as a user runs it without the engine: its wall time. */
    static long coldBuild(String digest, Path work) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(digest, "build", "-o", work.resolve("cold.pdf").toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DIGESTPRESS_DAEMON", "off");
        long start = System.currentTimeMillis();
        int status = pb.start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("the cold build failed: exit status " + status);
        }
        return System.currentTimeMillis() - start;
    }

    /** Starts `digest serve` in WORK and opens its page as soon as it prints its address. */
    static Process startServe(String digest, Path work, Path cache, ChromeDriver browser, JavascriptExecutor js,
                              long[] started) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(digest, "serve", "--port", "0").directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DIGESTPRESS_DAEMON", "off");
        pb.environment().put("DIGESTPRESS_CACHE_DIR", cache.toString());
        started[0] = System.currentTimeMillis();
        Process serve = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/").matcher(line == null ? "" : line);
        if (!url.find()) {
            serve.destroy();
            throw new IllegalStateException("serve did not start: " + line);
        }
        Thread drain = new Thread(() -> {
            try {
                out.lines().forEach(l -> { });
            } catch (java.io.UncheckedIOException e) {
                // the process was stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
        browser.get(url.group());
        return serve;
    }

    /**
     * When the page painted its first picture, on the page's own clock: one asynchronous script
     * waits for it inside the page, since polling from here would take CPU from the build it times.
     */
    static long firstPaint(JavascriptExecutor js) {
        return ((Number) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const check = () => window.digestFirstPaint ? done(window.digestFirstPaint) : setTimeout(check, 20);"
                + "check();")).longValue();
    }

    static void print(String name, List<Long> values) {
        StringBuilder line = new StringBuilder(name);
        values.forEach(v -> line.append('\t').append(v));
        System.out.println(line);
    }

    /** User and system time of the server's own threads: pictures and HTTP. */
    static long viewerMillis(long pid) throws Exception {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("digest-draw") || name.startsWith("digest-http")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
                    }
                } catch (java.io.IOException e) {
                    // a thread that ended meanwhile
                }
            }
        }
        return sum;
    }

    /** User and system time of every thread of the process, from /proc (clock ticks of 10 ms). */
    static long cpuMillis(long pid) throws Exception {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceFirst(".*\\) ", "").split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }
}
