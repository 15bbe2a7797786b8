package org.digestpress.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.digestpress.Pipeline;
import org.digestpress.assets.Assets;
import org.digestpress.assets.InputHashes;
import org.digestpress.assets.InstallationProblem;
import org.digestpress.pdf.Producer;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;

/**
 * Builds every issue of a publication into an archive folder: {@code <YYYY>/<YYYY-MM>.pdf}, one
 * offprint per article in {@code <YYYY>/<YYYY-MM>/<section>/<NN-slug>.pdf} (named after the
 * article's own file, so no other article's change renames it), the issue's web edition in the same
 * folder ({@code <YYYY>/<YYYY-MM>/index.html}), a cover picture per issue, {@code archive.json} with
 * its checksum file, {@code index.html} and {@code feed.xml} ({@link AtomFeed}). Issues whose inputs and
 * digestpress version are unchanged since the last run, and whose archived files are intact, are
 * left alone; the others build in parallel, each on its own ({@link IssueArchiver}), so one broken
 * issue neither stops the rest nor loses its previously archived PDF. One run at a time writes to a
 * folder (a lock file).
 */
public final class Archive {

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

    private final Request request;
    private final ArchiveFolder folder;
    private final String version;
    private final IssueArchiver archiver;
    private final Consumer<IssueOutcome> progress;

    private Archive(Request request, Consumer<IssueOutcome> progress) {
        this.request = request;
        this.folder = new ArchiveFolder(request.output());
        this.version = version();
        this.archiver = new IssueArchiver(request, folder, version);
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

        Map<String, IssueResult> done = new TreeMap<>();
        Map<String, Future<IssueResult>> running = new TreeMap<>();
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
                    IssueResult built = archiver.build(dir, name, hashes, old, reason);
                    tell(built.outcome());
                    return built;
                }));
            }
            before.values().forEach(gone -> done.put(gone.issue(), gone(gone, publication)));
            for (Map.Entry<String, Future<IssueResult>> e : running.entrySet()) {
                try {
                    done.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof InstallationProblem installation) {
                        // Missing templates or fonts break every issue alike: stop, as build does (exit 2).
                        throw installation;
                    }
                    done.put(e.getKey(), archiver.stopped(e.getKey(), previous, IssueArchiver.why(ex.getCause())));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    done.put(e.getKey(), archiver.stopped(e.getKey(), previous, ex.getMessage()));
                }
            }
        } finally {
            pool.shutdownNow();
        }

        String title = previous.publication();
        String language = previous.language();
        List<ArchiveRecord.Issue> records = new ArrayList<>();
        for (IssueResult b : done.values()) {
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
        return new Result(done.values().stream().map(IssueResult::outcome).toList(), index, problems.all(), repaired);
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
    private IssueResult unchanged(ArchiveRecord.Issue old, Path publication) {
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
        return new IssueResult(outcome, old, null, null);
    }

    /** An issue in the record whose folder is gone: kept and said so, or removed with {@code --prune}. */
    private IssueResult gone(ArchiveRecord.Issue old, Path publication) {
        Problems problems = new Problems();
        if (request.prune()) {
            try {
                Fixity.remove(folder, old);
                IssueOutcome outcome = new IssueOutcome(old.issue(), Status.PRUNED, null, 0, 0, 0, List.of(), false,
                        null);
                tell(outcome);
                return new IssueResult(outcome, null, null, null);
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
        return new IssueResult(outcome, old, null, null);
    }
}
