package org.digestpress.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.Pipeline;
import org.digestpress.assets.Assets;
import org.digestpress.assets.InputHashes;
import org.digestpress.assets.InstallationProblem;
import org.digestpress.assets.World;
import org.digestpress.engine.Offprints;
import org.digestpress.pdf.PdfFacts;
import org.digestpress.pdf.Producer;
import org.digestpress.pdf.Thumbnails;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;

/**
 * Builds every issue of a publication into an archive folder: {@code <YYYY>/<YYYY-MM>.pdf}, one
 * offprint per article in {@code <YYYY>/<YYYY-MM>/<section>/<NN-slug>.pdf} (named after the
 * article's own file, so no other article's change renames it), the issue's web edition in the same
 * folder ({@code <YYYY>/<YYYY-MM>/index.html}), a cover picture per issue, {@code archive.json} with
 * its checksum file, {@code index.html} and {@code feed.xml} ({@link AtomFeed}). Issues whose inputs and
 * digestpress version are unchanged since the last run, and whose archived files are intact, are
 * left alone; the others build in parallel, each on its own, so one broken issue neither stops the
 * rest nor loses its previously archived PDF. One run at a time writes to a folder (a lock file).
 */
public final class Archive {

    /** Cover pictures: 48 dpi gives 397 × 561 px for A4, sharp at the 200 px the index shows them. */
    private static final float COVER_DPI = 48;

    /**
     * What to archive.
     *
     * @param jobs   issues built at the same time
     * @param force  rebuild every issue even when its inputs did not change
     * @param strict a warning fails its issue, as an error does (recorded warnings of an up-to-date issue too)
     * @param prune  remove the archived files of issues whose folder is gone from the publication
     */
    public record Request(Path publication, Path output, int jobs, boolean force, boolean strict, boolean prune,
                          Assets templates, Assets fonts) {
    }

    /** KEPT: the issue's folder is gone from the publication; its archived files stay listed. */
    public enum Status { BUILT, UP_TO_DATE, FAILED, KEPT, PRUNED }

    /**
     * How one issue went.
     *
     * @param pdf        the archived issue PDF (absolute), or null when there is none
     * @param problems   every problem found, warnings included
     * @param strictFail it failed only because {@code --strict} turned its warnings into failures
     * @param repaired   why an up-to-date issue was built again (a damaged or missing file), or null
     */
    public record IssueOutcome(String issue, Status status, Path pdf, int pages, int offprints, long millis,
                               List<Problem> problems, boolean strictFail, String repaired) {
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

    /**
     * @param problems about the run as a whole (no publication, unreadable record, …)
     * @param repaired files outside the issues rewritten because they did not match the record (index.html)
     */
    public record Result(List<IssueOutcome> issues, Path index, List<Problem> problems, List<String> repaired) {
        public Result {
            issues = List.copyOf(issues);
            problems = List.copyOf(problems);
            repaired = List.copyOf(repaired);
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
     * @param waiting  told once when another run holds the folder and this one waits for it
     * @throws InstallationProblem when the templates or fonts are broken: no issue could be built
     */
    public static Result run(Request request, Consumer<IssueOutcome> progress, Runnable waiting) {
        Archive archive = new Archive(request, progress);
        Problems problems = new Problems();
        try (ArchiveFolder.Lock lock = archive.folder.lock(waiting)) {
            return archive.run();
        } catch (IOException e) {
            problems.error(archive.folder.root(), 0, 0, "The archive folder cannot be locked for this run: "
                    + e.getMessage() + ".");
            return new Result(List.of(), null, problems.all(), List.of());
        }
    }

    /** Checks every archived file against the record, changing nothing: see {@link Fixity}. */
    public static Fixity.Report verify(Path output) {
        return Fixity.verify(new ArchiveFolder(output));
    }

    /** The version recorded with every issue (release and code identity); a new one rebuilds everything. */
    public static String version() {
        return Producer.version();
    }

    private Result run() {
        Problems problems = new Problems();
        Path publication = request.publication().toAbsolutePath().normalize();
        if (!Files.isRegularFile(publication.resolve("publication.yaml"))) {
            problems.error(publication, 0, 0, "There is no publication.yaml here; name the publication folder "
                    + "(default: content/).");
            return new Result(List.of(), null, problems.all(), List.of());
        }
        List<Path> issueDirs = Pipeline.issueFolders(publication);
        if (issueDirs.isEmpty()) {
            problems.error(publication, 0, 0, "The publication has no issue folder (named like 2025-06) to archive.");
            return new Result(List.of(), null, problems.all(), List.of());
        }
        ArchiveRecord previous = Fixity.previous(folder, problems);
        Map<String, ArchiveRecord.Issue> before = new TreeMap<>();
        previous.issues().forEach(i -> before.put(i.issue(), i));

        InputHashes hashes;
        try {
            hashes = new InputHashes(publication, request.templates(), request.fonts());
        } catch (IOException e) {
            problems.error(publication, 0, 0, "The templates or fonts cannot be read: " + e.getMessage() + ".");
            return new Result(List.of(), null, problems.all(), List.of());
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
                ArchiveRecord.Issue old = before.remove(name);
                String repair = null;
                if (!request.force() && old != null && sameInputs(old, hashes)) {
                    Optional<String> damage = Fixity.damage(folder, old);
                    if (damage.isEmpty()) {
                        done.put(name, unchanged(old, publication));
                        continue;
                    }
                    repair = damage.get();
                }
                String reason = repair;
                running.put(name, pool.submit(() -> {
                    Built built = build(dir, name, hashes, old, reason);
                    tell(built.outcome());
                    return built;
                }));
            }
            before.values().forEach(gone -> done.put(gone.issue(), gone(gone, publication)));
            for (Map.Entry<String, Future<Built>> e : running.entrySet()) {
                try {
                    done.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof InstallationProblem installation) {
                        // Missing templates or fonts break every issue alike: stop, as build does (exit 2).
                        throw installation;
                    }
                    done.put(e.getKey(), stopped(e.getKey(), previous, why(ex.getCause())));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    done.put(e.getKey(), stopped(e.getKey(), previous, ex.getMessage()));
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
        List<String> repaired = new ArrayList<>();
        Path index = folder.resolve(IndexPage.FILE_NAME);
        try {
            ArchiveRecord.Site site = AtomFeed.site(publication, previous.site(), title,
                    records.isEmpty() ? null : records.get(0).issue());
            ArchiveRecord pages = new ArchiveRecord(title, language, site, null, null, records);
            byte[] html = IndexPage.html(pages).getBytes(StandardCharsets.UTF_8);
            byte[] feed = AtomFeed.xml(pages, IndexPage.archiveWord(language)).getBytes(StandardCharsets.UTF_8);
            Fixity.damage(folder, previous.index()).ifPresent(damage -> repaired.add(damage));
            Fixity.damage(folder, previous.feed()).ifPresent(damage -> repaired.add(damage));
            folder.write(IndexPage.FILE_NAME, html);
            folder.write(PublishedNames.FEED, feed);
            ArchiveRecord record = new ArchiveRecord(title, language, site,
                    new ArchiveRecord.FileSum(IndexPage.FILE_NAME, org.digestpress.assets.Sha256.hex(html), html.length),
                    new ArchiveRecord.FileSum(PublishedNames.FEED, org.digestpress.assets.Sha256.hex(feed), feed.length), records);
            Fixity.write(folder, record);
            folder.cleanUp();
        } catch (IOException e) {
            problems.error(folder.root(), 0, 0, "The archive record or index cannot be written: " + e.getMessage() + ".");
        }
        return new Result(done.values().stream().map(Built::outcome).toList(), index, problems.all(), repaired);
    }

    private synchronized void tell(IssueOutcome outcome) {
        progress.accept(outcome);
    }

    /** Same version and the same inputs: every file and folder the last build read, hashed again now. */
    private boolean sameInputs(ArchiveRecord.Issue old, InputHashes hashes) {
        return version.equals(old.digestpress())
                && InputHashes.combined(hashes.again(old.inputs().keySet()), version).equals(old.inputsSha256());
    }

    /**
     * An up-to-date issue: nothing to do, unless {@code --strict} meets the warnings its build
     * reported (then it fails as it would have when built; {@code --force} builds it again instead).
     */
    private Built unchanged(ArchiveRecord.Issue old, Path publication) {
        Path pdf = folder.resolve(old.pdf().path());
        IssueOutcome outcome;
        if (request.strict() && !old.warnings().isEmpty()) {
            List<Problem> recorded = old.warnings().stream().map(w -> Problem.warning(
                    w.file() == null ? null : publication.resolve(w.file()), w.line(), w.column(),
                    w.message())).toList();
            outcome = new IssueOutcome(old.issue(), Status.FAILED, pdf, 0, 0, 0, recorded, true, null);
        } else {
            outcome = new IssueOutcome(old.issue(), Status.UP_TO_DATE, pdf, old.pdf().pages(), old.articles().size(),
                    0, List.of(), false, null);
        }
        tell(outcome);
        return new Built(outcome, old, null, null);
    }

    /** An issue in the record whose folder is gone: kept and said so, or removed with {@code --prune}. */
    private Built gone(ArchiveRecord.Issue old, Path publication) {
        Problems problems = new Problems();
        if (request.prune()) {
            try {
                Fixity.remove(folder, old);
                IssueOutcome outcome = new IssueOutcome(old.issue(), Status.PRUNED, null, 0, 0, 0, List.of(), false,
                        null);
                tell(outcome);
                return new Built(outcome, null, null, null);
            } catch (IOException e) {
                problems.error(folder.root(), 0, 0, "The archived files of " + old.issue() + " cannot be removed: "
                        + e.getMessage() + ".");
            }
        } else {
            problems.warning(publication, 0, 0, "The issue folder " + old.issue() + " is no longer in the publication; "
                    + "its archived files stay and stay listed (archive with --prune to remove them).");
        }
        IssueOutcome outcome = new IssueOutcome(old.issue(), Status.KEPT, folder.resolve(old.pdf().path()),
                old.pdf().pages(), old.articles().size(), 0, problems.all(), false, null);
        tell(outcome);
        return new Built(outcome, old, null, null);
    }

    private Built stopped(String name, ArchiveRecord previous, String why) {
        Problems own = new Problems();
        own.error(null, 0, 0, "The build of " + name + " stopped: " + why + ".");
        ArchiveRecord.Issue old = previous.issues().stream().filter(i -> i.issue().equals(name)).findFirst()
                .orElse(null);
        return failed(name, old, own, 0, false);
    }

    private Built build(Path dir, String name, InputHashes hashes, ArchiveRecord.Issue old, String repair) {
        long start = System.nanoTime();
        Problems problems = new Problems();
        try {
            Path staging = folder.staging(name);
            Path stagedPdf = staging.resolve(name + ".pdf");
            // The web edition is written beside the staged PDF, into the folder the offprints go to.
            BuildRequest build = new BuildRequest(request.publication(), dir, stagedPdf, false, true,
                    request.templates(), request.fonts()).withWeb(true);
            // Records what this build reads (kept articles' reads replayed), apart from builds running beside it.
            World reads = build.world();
            Path offprintDir = staging.resolve(name);
            // The offprints come from the issue's own typeset and laid-out issue: typeset once.
            var built = reads.during(() -> Pipeline.buildWithOffprints(build, (article, slug) ->
                    offprintDir.resolve(OffprintNames.of(dir, article.file()))));
            BuildResult issue = built.issue().result();
            issue.problems().forEach(problems::add);
            if (issue.failed()) {
                return failed(name, old, problems, start, false);
            }
            Offprints.Result offprints = built.offprints();
            offprints.problems().forEach(problems::add);
            if (problems.hasErrors() || offprints.failed()) {
                return failed(name, old, problems, start, false);
            }
            if (request.strict() && problems.warningCount() > 0) {
                return failed(name, old, problems, start, true);
            }
            Path cover = Thumbnails.cover(stagedPdf, staging.resolve(name + ".png"), COVER_DPI);

            String issuePath = PublishedNames.issuePdf(name);
            String coverPath = PublishedNames.cover(name);
            List<ArchiveRecord.Article> articles = new ArrayList<>();
            List<String> offprintPaths = new ArrayList<>();
            for (Offprints.Written w : offprints.offprints()) {
                Offprints.ArticleInfo info = w.article();
                String source = OffprintNames.source(dir, info.file());
                String path = PublishedNames.offprint(name, dir, info.file());
                articles.add(new ArchiveRecord.Article(info.position(), source, info.section(), info.title(),
                        info.firstPage(), pdf(w.pdf(), path), "article-" + info.key(),
                        info.lead() == null ? null : info.lead().replace("\u00ad", ""), info.region(), info.language()));
                offprintPaths.add(path);
            }
            Map<String, Path> webFiles = webEdition(offprintDir, name, offprintPaths);
            List<ArchiveRecord.FileSum> webSums = new ArrayList<>();
            for (Map.Entry<String, Path> file : webFiles.entrySet()) {
                webSums.add(Fixity.sum(file.getValue(), file.getKey()));
            }
            ArchiveRecord.Pdf issuePdf = pdf(stagedPdf, issuePath);
            ArchiveRecord.FileSum coverSum = Fixity.sum(cover, coverPath);
            SortedMap<String, String> inputs = hashes.of(reads.read(), dir);
            String combined = InputHashes.combined(inputs, version);

            // Offprints first and the issue PDF last: an interrupted run leaves the old issue PDF,
            // whose record then fails the up-to-date check and is built again.
            for (int i = 0; i < offprints.offprints().size(); i++) {
                folder.publish(offprints.offprints().get(i).pdf(), offprintPaths.get(i));
            }
            for (Map.Entry<String, Path> file : webFiles.entrySet()) {
                folder.publish(file.getValue(), file.getKey());
            }
            List<Path> kept = new ArrayList<>();
            offprintPaths.forEach(p -> kept.add(folder.resolve(p)));
            webFiles.keySet().forEach(p -> kept.add(folder.resolve(p)));
            OffprintNames.removeOthers(folder.resolve(PublishedNames.folder(name)), kept);
            folder.publish(cover, coverPath);
            folder.publish(stagedPdf, issuePath);
            ArchiveFolder.deleteTree(staging);

            ArchiveRecord.Issue record = new ArchiveRecord.Issue(name, offprints.number(), offprints.issueLabel(),
                    offprints.monthLabel(), issuePdf, coverSum, version, combined, inputs, articles,
                    ArchiveRecord.Warning.of(problems.all(), request.publication()), webSums);
            IssueOutcome outcome = new IssueOutcome(name, Status.BUILT, folder.resolve(issuePath), issuePdf.pages(),
                    articles.size(), millis(start), problems.all(), false, repair);
            return new Built(outcome, record, offprints.publicationTitle(), offprints.language());
        } catch (IOException e) {
            problems.error(dir, 0, 0, "The archive files cannot be written: " + e.getMessage() + ".");
            return failed(name, old, problems, start, false);
        } catch (InstallationProblem e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Whatever else goes wrong fails this issue with a sentence, not a trace; the others go on.
            problems.error(dir, 0, 0, "The issue could not be built: " + why(e) + ".");
            return failed(name, old, problems, start, false);
        }
    }

    /**
     * The web edition's files in the staged issue folder, by their path in the archive: everything
     * the build wrote there that is not an offprint (the page, its images and fonts, its copy of
     * the PDF).
     */
    private static Map<String, Path> webEdition(Path staged, String name, List<String> offprintPaths)
            throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(staged)) {
            return files;
        }
        Set<String> offprints = new java.util.TreeSet<>(offprintPaths);
        try (java.util.stream.Stream<Path> walk = Files.walk(staged)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = PublishedNames.folder(name) + "/" + staged.relativize(file).toString().replace('\\', '/');
                if (!offprints.contains(path)) {
                    files.put(path, file);
                }
            }
        }
        return files;
    }

    /** Why an issue's build stopped, in words: the stages report content problems themselves. */
    private static String why(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "its text or templates nest too deeply to be typeset; build the issue alone for the place";
        }
        if (e instanceof OutOfMemoryError) {
            return "it needs more memory than the build has; look for very large images, tables or templates";
        }
        return org.digestpress.problem.InternalFailure.describe(e);
    }

    private ArchiveRecord.Pdf pdf(Path file, String path) throws IOException {
        ArchiveRecord.FileSum sum = Fixity.sum(file, path);
        PdfFacts facts = PdfFacts.read(file);
        return new ArchiveRecord.Pdf(path, sum.sha256(), facts.pages(), sum.bytes(), facts.pdfa(), facts.pdfua());
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
                problems.all(), strict, null);
        return new Built(outcome, old, null, null);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
