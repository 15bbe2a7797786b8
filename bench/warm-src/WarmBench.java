import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.Pipeline;
import org.digestpress.assets.Assets;

/**
 * bench/warm's measuring loop: builds one issue N times on one kept workspace (as a resident
 * engine or serve does), and prints per build its wall time, the CPU time and allocation of the
 * building thread, and the collector's pauses during the build. Optionally profiles the builds
 * after the warm-up with async-profiler (its jar on the class path; see bench/warm).
 *
 * Arguments: HOME PUBLICATION ISSUE|- OUTPUT BUILDS WARMUP [cpu|alloc|wall PROFILE_FILE LIB]
 * With the system property bench.edit=FILE, FILE (an article of PUBLICATION) gets a sentence
 * added or taken away before every build: a rebuild after an author's edit.
 */
public final class WarmBench {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path publication = Path.of(args[1]);
        Path issue = args[2].equals("-") ? null : Path.of(args[2]);
        Path output = Path.of(args[3]);
        int builds = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        String event = args.length > 6 ? args[6] : null;
        Pipeline.silenceLibraryLogs();
        BuildRequest request = new BuildRequest(publication, issue, output, false, true,
                Assets.directory(home.resolve("templates"), "templates"), Assets.directory(home.resolve("fonts"), "fonts"));
        var workspace = Pipeline.workspace();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        Object profiler = null;
        List<double[]> rows = new ArrayList<>();
        int pages = 0;
        Path edited = System.getProperty("bench.edit") == null ? null : Path.of(System.getProperty("bench.edit"));
        String original = edited == null ? null : java.nio.file.Files.readString(edited);
        for (int i = 1; i <= builds; i++) {
            if (edited != null) {
                java.nio.file.Files.writeString(edited, i % 2 == 0 ? original
                        : original + "\nЕщё одно предложение, добавленное перед сборкой " + i + ".\n");
            }
            if (i == warmup + 1 && event != null) {
                profiler = profile(args[8], "start,threads,event=" + event + (event.equals("alloc") ? "" : ",interval=1ms"));
            }
            long gcCount = 0, gcMs = 0;
            for (GarbageCollectorMXBean gc : gcs) { gcCount -= gc.getCollectionCount(); gcMs -= gc.getCollectionTime(); }
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            long start = System.nanoTime();
            BuildResult result = workspace.build(request);
            long wall = System.nanoTime() - start;
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocated;
            for (GarbageCollectorMXBean gc : gcs) { gcCount += gc.getCollectionCount(); gcMs += gc.getCollectionTime(); }
            if (result.failed()) {
                System.err.println("build " + i + " failed: " + result.problems());
                System.exit(1);
            }
            pages = result.pages();
            System.out.printf(Locale.ROOT, "build %3d: %6.0f ms  cpu %6.0f ms  alloc %6.0f MB  gc %2d pauses %5d ms%n",
                    i, wall / 1e6, cpu / 1e6, allocated / 1048576.0, gcCount, gcMs);
            if (i > warmup) {
                rows.add(new double[] {wall / 1e6, cpu / 1e6, allocated / 1048576.0, gcMs, gcCount});
            }
        }
        if (edited != null) {
            java.nio.file.Files.writeString(edited, original);
        }
        if (profiler != null) {
            profiler.getClass().getMethod("execute", String.class).invoke(profiler,
                    "stop,file=" + args[7] + ",collapsed");
        }
        System.out.printf(Locale.ROOT, "median of builds %d-%d (%d pages): %.0f ms wall, %.0f ms cpu, %.0f MB allocated,"
                        + " %.1f ms in %.1f gc pauses per build; %.1f ms/page%n", warmup + 1, builds, pages,
                median(rows, 0), median(rows, 1), median(rows, 2), mean(rows, 3), mean(rows, 4), median(rows, 0) / pages);
    }

    private static Object profile(String library, String command) throws Exception {
        Class<?> type = Class.forName("one.profiler.AsyncProfiler");
        Object profiler = type.getMethod("getInstance", String.class).invoke(null, library);
        type.getMethod("execute", String.class).invoke(profiler, command);
        return profiler;
    }

    private static double median(List<double[]> rows, int column) {
        List<Double> values = new ArrayList<>();
        rows.forEach(r -> values.add(r[column]));
        Collections.sort(values);
        return values.isEmpty() ? 0 : values.get(values.size() / 2);
    }

    private static double mean(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(r -> r[column]).average().orElse(0);
    }
}
