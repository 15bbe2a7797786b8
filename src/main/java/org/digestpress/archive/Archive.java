package org.digestpress.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.Offprints;
import org.digestpress.Pipeline;
import org.digestpress.assets.Assets;
import org.digestpress.assets.InstallationProblem;
import org.digestpress.pdf.PdfFacts;
import org.digestpress.pdf.Thumbnails;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;

/**
 * Builds every issue of a publication into an archive folder: {@code <YYYY>/<YYYY-MM>.pdf}, one
 * offprint per article in {@code <YYYY>/<YYYY-MM>/<NN-slug>.pdf}, a cover picture per issue,
 * {@code archive.json} and {@code index.html}. Issues whose inputs and digestpress version are
 * unchanged since the last run are left alone; the others build in parallel, each on its own,
 * so one broken issue neither stops the rest nor loses its previously archived PDF.
 */
public final class Archive {

    /** Cover pictures: 48 dpi gives 397 × 561 px for A4, sharp at the 200 px the index shows them. */
    private static final float COVER_DPI = 48;

    /**
     * What to archive.
     *
     * @param jobs   issues built at the same time
     * @param force  rebuild every issue even when its inputs did not change
     * @param strict a warning fails its issue, as an error does
     */
    public record Request(Path publication, Path output, int jobs, boolean force, boolean strict, Assets templates,
                          Assets fonts) {
    }

    public enum Status { BUILT, UP_TO_DATE, FAILED }

    /**
     * How one issue went.
     *
     * @param pdf        the archived issue PDF (absolute), or null when there is none
     * @param problems   every problem found, warnings included
     * @param strictFail it failed only because {@code --strict} turned its warnings into failures
     */
    public record IssueOutcome(String issue, Status status, Path pdf, int pages, int offprints, long millis,
                               List<Problem> problems, boolean strictFail) {
        public IssueOutcome {
            problems = List.copyOf(problems);
        }

        public long errors() {
            return problems.stream().filter(Problem::isError).count();
        }

        public long warnings() {
            return problems.size() - errors();
        }
    }

    /** @param problems about the run as a whole (no publication, unreadable record, …) */
    public record Result(List<IssueOutcome> issues, Path index, List<Problem> problems) {
        public Result {
            issues = List.copyOf(issues);
            problems = List.copyOf(problems);
        }

        public boolean failed() {
            return problems.stream().anyMatch(Problem::isError)
                    || issues.stream().anyMatch(i -> i.status() == Status.FAILED);
        }

        public long count(Status status) {
            return issues.stream().filter(i -> i.status() == status).count();
        }
    }

    private record Built(IssueOutcome outcome, ArchiveRecord.Issue record, String publication, String language) {
    }

    private final Request request;
    private final ArchiveFolder folder;
    private final String version;
    private final Consumer<IssueOutcome> progress;

    private Archive(Request request, Consumer<IssueOutcome> progress) {
        this.request = request;
        this.folder = new ArchiveFolder(request.output());
        this.version = version();
        this.progress = progress;
    }

    /**
     * @param progress told about each issue as soon as it is done (from the worker threads, one at a time)
     * @throws InstallationProblem when the templates or fonts are broken: no issue could be built
     */
    public static Result run(Request request, Consumer<IssueOutcome> progress) {
        return new Archive(request, progress).run();
    }

    /** The version recorded with every issue; a new version rebuilds everything. */
    public static String version() {
        String v = Archive.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private Result run() {
        Problems problems = new Problems();
        Path publication = request.publication().toAbsolutePath().normalize();
        if (!Files.isRegularFile(publication.resolve("publication.yaml"))) {
            problems.error(publication, 0, 0, "There is no publication.yaml here; name the publication folder "
                    + "(default: content/).");
            return new Result(List.of(), null, problems.all());
        }
        List<Path> issueDirs = Pipeline.issueFolders(publication);
        if (issueDirs.isEmpty()) {
            problems.error(publication, 0, 0, "The publication has no issue folder (named like 2025-06) to archive.");
            return new Result(List.of(), null, problems.all());
        }
        ArchiveRecord previous;
        try {
            previous = ArchiveRecord.read(folder.root());
        } catch (IOException e) {
            problems.warning(folder.resolve(ArchiveRecord.FILE_NAME), 0, 0, "The archive record cannot be read ("
                    + e.getMessage() + "); every issue is built again and the record rewritten.");
            previous = new ArchiveRecord(null, null, List.of());
        }
        Map<String, ArchiveRecord.Issue> before = new TreeMap<>();
        previous.issues().forEach(i -> before.put(i.issue(), i));

        InputHashes hashes;
        try {
            hashes = new InputHashes(publication, folder.root(), request.templates(), request.fonts());
        } catch (IOException e) {
            problems.error(publication, 0, 0, "The inputs cannot be read: " + e.getMessage() + ".");
            return new Result(List.of(), null, problems.all());
        }

        Map<String, Built> done = new TreeMap<>();
        Map<String, Future<Built>> running = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, request.jobs()), r -> {
            Thread t = new Thread(r, "archive");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Path dir : issueDirs) {
                String name = dir.getFileName().toString();
                SortedMap<String, String> inputs;
                try {
                    inputs = hashes.of(dir);
                } catch (IOException e) {
                    Problems own = new Problems();
                    own.error(dir, 0, 0, "The issue folder cannot be read: " + e.getMessage() + ".");
                    done.put(name, failed(name, before.get(name), own, 0, false));
                    continue;
                }
                String combined = InputHashes.combined(inputs, version);
                ArchiveRecord.Issue old = before.get(name);
                if (!request.force() && upToDate(old, combined)) {
                    IssueOutcome outcome = new IssueOutcome(name, Status.UP_TO_DATE, folder.resolve(old.pdf().path()),
                            old.pdf().pages(), old.articles().size(), 0, List.of(), false);
                    done.put(name, new Built(outcome, old, null, null));
                    tell(outcome);
                    continue;
                }
                running.put(name, pool.submit(() -> {
                    Built built = build(dir, name, inputs, combined, old);
                    tell(built.outcome());
                    return built;
                }));
            }
            for (Map.Entry<String, Future<Built>> e : running.entrySet()) {
                try {
                    done.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof InstallationProblem installation) {
                        // Missing templates or fonts break every issue alike: stop, as build does (exit 2).
                        throw installation;
                    }
                    // build() reports what it can; what escapes it still fails this issue by name, and is told
                    Problems own = new Problems();
                    own.error(issueDirs.stream().filter(d -> d.getFileName().toString().equals(e.getKey()))
                            .findFirst().orElse(null), 0, 0, "The build of " + e.getKey() + " stopped: "
                            + stopped(ex.getCause()) + ".");
                    Built failed = failed(e.getKey(), before.get(e.getKey()), own, 0, false);
                    tell(failed.outcome());
                    done.put(e.getKey(), failed);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    Problems own = new Problems();
                    own.error(null, 0, 0, "The build of " + e.getKey() + " was interrupted.");
                    Built failed = failed(e.getKey(), before.get(e.getKey()), own, 0, false);
                    tell(failed.outcome());
                    done.put(e.getKey(), failed);
                }
            }
        } finally {
            pool.shutdownNow();
        }

        String title = previous.publication();
        String language = previous.language();
        List<ArchiveRecord.Issue> records = new ArrayList<>();
        for (Built b : done.values()) {
            if (b.record() != null) {
                records.add(b.record());
            }
            if (b.publication() != null) {
                title = b.publication();
                language = b.language();
            }
        }
        ArchiveRecord record = new ArchiveRecord(title, language, records);
        Path index = folder.resolve(IndexPage.FILE_NAME);
        try {
            folder.write(ArchiveRecord.FILE_NAME, record.json().getBytes(StandardCharsets.UTF_8));
            folder.write(IndexPage.FILE_NAME, IndexPage.html(record).getBytes(StandardCharsets.UTF_8));
            folder.cleanUp();
        } catch (IOException e) {
            problems.error(folder.root(), 0, 0, "The archive record or index cannot be written: " + e.getMessage() + ".");
        }
        return new Result(done.values().stream().map(Built::outcome).toList(), index, problems.all());
    }

    private synchronized void tell(IssueOutcome outcome) {
        progress.accept(outcome);
    }

    /** Same inputs, same version, and every file it recorded still there with the recorded bytes. */
    private boolean upToDate(ArchiveRecord.Issue old, String combined) {
        if (old == null || !combined.equals(old.inputsSha256()) || !version.equals(old.digestpress())) {
            return false;
        }
        if (!intact(old.pdf()) || old.cover() == null || !Files.isRegularFile(folder.resolve(old.cover()))) {
            return false;
        }
        return old.articles().stream().allMatch(a -> intact(a.offprint()));
    }

    private boolean intact(ArchiveRecord.Pdf pdf) {
        Path file = folder.resolve(pdf.path());
        try {
            return Files.isRegularFile(file) && Files.size(file) == pdf.bytes()
                    && InputHashes.sha256(Files.readAllBytes(file)).equals(pdf.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    private Built build(Path dir, String name, SortedMap<String, String> inputs, String combined,
                        ArchiveRecord.Issue old) {
        long start = System.nanoTime();
        Problems problems = new Problems();
        try {
            Path staging = folder.staging(name);
            Path stagedPdf = staging.resolve(name + ".pdf");
            BuildRequest build = new BuildRequest(request.publication(), dir, stagedPdf, false, true,
                    request.templates(), request.fonts());
            BuildResult issue = Pipeline.build(build);
            issue.problems().forEach(problems::add);
            if (issue.failed()) {
                return failed(name, old, problems, start, false);
            }
            Offprints.Result offprints = Pipeline.offprints(build, stagedPdf, Set.of(), (article, slug) ->
                    staging.resolve(name).resolve(offprintName(article.position(), slug)));
            offprints.problems().forEach(problems::add);
            if (problems.hasErrors() || offprints.failed()) {
                return failed(name, old, problems, start, false);
            }
            if (request.strict() && problems.warningCount() > 0) {
                return failed(name, old, problems, start, true);
            }
            Path cover = Thumbnails.cover(stagedPdf, staging.resolve(name + ".png"), COVER_DPI);

            String year = name.substring(0, 4);
            String issuePath = year + "/" + name + ".pdf";
            String coverPath = year + "/" + name + ".png";
            List<ArchiveRecord.Article> articles = new ArrayList<>();
            List<String> offprintPaths = new ArrayList<>();
            for (Offprints.Written w : offprints.offprints()) {
                String path = year + "/" + name + "/" + w.pdf().getFileName();
                articles.add(new ArchiveRecord.Article(w.article().position(), w.article().section(),
                        w.article().title(), w.article().firstPage(), pdf(w.pdf(), path)));
                offprintPaths.add(path);
            }
            ArchiveRecord.Pdf issuePdf = pdf(stagedPdf, issuePath);

            // Offprints first and the issue PDF last: an interrupted run leaves the old issue PDF,
            // whose record then fails the up-to-date check and is built again.
            for (int i = 0; i < offprints.offprints().size(); i++) {
                folder.publish(offprints.offprints().get(i).pdf(), offprintPaths.get(i));
            }
            removeStaleOffprints(year + "/" + name, offprintPaths);
            folder.publish(cover, coverPath);
            folder.publish(stagedPdf, issuePath);
            ArchiveFolder.deleteTree(staging);

            ArchiveRecord.Issue record = new ArchiveRecord.Issue(name, offprints.number(), offprints.issueLabel(),
                    offprints.monthLabel(), issuePdf, coverPath, version, combined, inputs, articles);
            IssueOutcome outcome = new IssueOutcome(name, Status.BUILT, folder.resolve(issuePath), issuePdf.pages(),
                    articles.size(), millis(start), problems.all(), false);
            return new Built(outcome, record, offprints.publicationTitle(), offprints.language());
        } catch (IOException e) {
            problems.error(dir, 0, 0, "The archive files cannot be written: " + e.getMessage() + ".");
            return failed(name, old, problems, start, false);
        } catch (InstallationProblem e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Whatever else goes wrong fails this issue with a sentence, not a trace; the others go on.
            problems.error(dir, 0, 0, "The issue could not be built: " + stopped(e) + ".");
            return failed(name, old, problems, start, false);
        }
    }

    /** Why an issue's build stopped, in words: the stages report content problems themselves. */
    private static String stopped(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "its text or templates nest too deeply to be typeset; build the issue alone for the place";
        }
        if (e instanceof OutOfMemoryError) {
            return "it needs more memory than the build has; look for very large images, tables or templates";
        }
        return org.digestpress.problem.InternalFailure.describe(e);
    }

    static String offprintName(int position, String slug) {
        return String.format(java.util.Locale.ROOT, "%02d-%s.pdf", position, slug);
    }

    /** Offprints of articles no longer in the issue would otherwise linger in the folder. */
    private void removeStaleOffprints(String folderPath, List<String> kept) throws IOException {
        Path dir = folder.resolve(folderPath);
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<Path> keep = new java.util.TreeSet<>(kept.stream().map(folder::resolve).toList());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pdf")).sorted().toList()) {
                if (!keep.contains(f)) {
                    Files.delete(f);
                }
            }
        }
    }

    private ArchiveRecord.Pdf pdf(Path file, String path) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        PdfFacts facts = PdfFacts.read(file);
        return new ArchiveRecord.Pdf(path, InputHashes.sha256(bytes), facts.pages(), bytes.length, facts.pdfa(),
                facts.pdfua());
    }

    /** The previous record stays, so the previous PDF stays listed and linked. */
    private Built failed(String name, ArchiveRecord.Issue old, Problems problems, long start, boolean strict) {
        try {
            ArchiveFolder.deleteTree(folder.root().resolve(".staging").resolve(name));
        } catch (IOException e) {
            // the staging folder is removed with the rest at the end of the run
        }
        Path kept = old == null ? null : folder.resolve(old.pdf().path());
        IssueOutcome outcome = new IssueOutcome(name, Status.FAILED, kept, 0, 0, start == 0 ? 0 : millis(start),
                problems.all(), strict);
        return new Built(outcome, old, null, null);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
