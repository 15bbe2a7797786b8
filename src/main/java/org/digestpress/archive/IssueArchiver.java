package org.digestpress.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.Pipeline;
import org.digestpress.archive.Archive.IssueOutcome;
import org.digestpress.archive.Archive.Status;
import org.digestpress.assets.InputHashes;
import org.digestpress.assets.InstallationProblem;
import org.digestpress.assets.World;
import org.digestpress.engine.Offprints;
import org.digestpress.pdf.PdfFacts;
import org.digestpress.pdf.Thumbnails;
import org.digestpress.problem.Problems;

/**
 * Builds one issue into the archive folder: the issue PDF, its offprints, its web edition and its
 * cover picture are made in a staging folder and published only when the whole build succeeded,
 * so a failed build leaves the previously archived files (and their record) as they were. Runs on
 * the worker threads of {@link Archive}, several issues at a time; it keeps no state of its own.
 */
final class IssueArchiver {

    /** Cover pictures: 48 dpi gives 397 × 561 px for A4, sharp at the 200 px the index shows them. */
    private static final float COVER_DPI = 48;

    private final Archive.Request request;
    private final ArchiveFolder folder;
    private final String version;

    /** @param version the version recorded with the issue, see {@link Archive#version()} */
    IssueArchiver(Archive.Request request, ArchiveFolder folder, String version) {
        this.request = request;
        this.folder = folder;
        this.version = version;
    }

    /**
     * @param old    the issue's previous record, kept when this build fails; null for a new issue
     * @param repair why an up-to-date issue is built again, or null
     */
    IssueResult build(Path dir, String name, InputHashes hashes, ArchiveRecord.Issue old, String repair) {
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
            return new IssueResult(outcome, record, offprints.publicationTitle(), offprints.language());
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

    /** A build that ended without a result of its own (its thread failed or was interrupted). */
    IssueResult stopped(String name, ArchiveRecord previous, String why) {
        Problems own = new Problems();
        own.error(null, 0, 0, "The build of " + name + " stopped: " + why + ".");
        ArchiveRecord.Issue old = previous.issues().stream().filter(i -> i.issue().equals(name)).findFirst()
                .orElse(null);
        return failed(name, old, own, 0, false);
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
    static String why(Throwable e) {
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
    private IssueResult failed(String name, ArchiveRecord.Issue old, Problems problems, long start, boolean strict) {
        try {
            ArchiveFolder.deleteTree(folder.root().resolve(".staging").resolve(name));
        } catch (IOException e) {
            // the staging folder is removed with the rest at the end of the run
        }
        Path kept = old == null ? null : folder.resolve(old.pdf().path());
        IssueOutcome outcome = new IssueOutcome(name, Status.FAILED, kept, 0, 0, start == 0 ? 0 : millis(start),
                problems.all(), strict, null);
        return new IssueResult(outcome, old, null, null);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
