package org.digestpress.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.digestpress.BuildRequest;
import org.digestpress.assets.Confinement;
import org.digestpress.assets.InputHashes;
import org.digestpress.assets.PrivateFolder;
import org.digestpress.assets.Sha256;
import org.digestpress.engine.Workspace;
import org.digestpress.pdf.Producer;
import org.digestpress.problem.Json;
import org.digestpress.problem.Problem;

/**
 * serve's last good build, kept on disk for its next start: the PDF and a record of every input
 * the build read (files and folder listings of the publication, the whole template and font
 * folders, as the archive's up-to-date check names them) with the code that typeset it. At the
 * next start, when every input hashes the same and the code is the same, the kept pages are shown
 * at once, while the first build runs; that build then gives the same pages (same hashes), so the
 * page fetches nothing again. Anything else (an edit while serve was stopped, a new article, other
 * fonts, a rebuilt digestpress, a damaged record) shows nothing kept: the first build is awaited,
 * as without this.
 *
 * <p>The files live in the user's cache ({@code DIGESTPRESS_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/digestpress}, else {@code ~/.cache/digestpress}), in a {@code serve}
 * folder used only when it is a {@link PrivateFolder} (unpublished issues are kept there), one pair
 * per publication, issue, templates, fonts and drafts setting. They are written beside and renamed,
 * read without following links, and bounded in size.
 */
final class KeptBuild {

    private static final int FORMAT = 1;
    private static final long MAX_RECORD = 16L << 20;
    private static final long MAX_PDF = 1L << 30;
    /** How many builds (one per publication and settings served) the folder keeps; the least recently kept go. */
    static final int KEPT_BUILDS = 16;
    private static final java.util.regex.Pattern KEPT_FILE = java.util.regex.Pattern.compile("[0-9a-f]{32}\\.(json|pdf)");
    /** A temporary file of a write that a stopped server left; a write in progress is younger. */
    private static final long STALE_TEMP_MILLIS = 3_600_000;

    private final Path record;
    private final Path pdf;
    /** The publication, when serve builds its newest issue: a newer issue folder means another issue. */
    private final Path newestOf;
    /** The publication: the kept source map names files inside it only. */
    private final Path publication;

    /** What was kept and still holds. */
    record Restored(byte[] pdf, String issue, List<Workspace.Entry> contents, List<Problem> problems,
                    org.digestpress.pdf.SourceMap sources) {
    }

    private KeptBuild(Path folder, String key, Path newestOf, Path publication) {
        this.record = folder.resolve(key + ".json");
        this.pdf = folder.resolve(key + ".pdf");
        this.newestOf = newestOf;
        this.publication = publication;
    }

    /** The cache folder these rules name, or empty when none can be named (no home). */
    static Optional<Path> folder(Map<String, String> env) {
        String explicit = env.get("DIGESTPRESS_CACHE_DIR");
        if (explicit != null && !explicit.isEmpty()) {
            return Optional.of(Path.of(explicit, "serve"));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "digestpress", "serve"));
        }
        String home = env.get("HOME");
        return home == null || home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "digestpress", "serve"));
    }

    /**
     * The kept build of what {@code request} builds, in {@code folder} (made 0700 when missing), or
     * empty when the folder cannot be trusted; {@code warn} hears why, once.
     */
    static Optional<KeptBuild> in(Path folder, BuildRequest request, java.util.function.Consumer<String> warn) {
        // Inside a watched folder, every build kept would be a change that starts the next build.
        List<Path> watched = new ArrayList<>();
        watched.add(request.publication());
        request.templates().folder().ifPresent(watched::add);
        request.fonts().folder().ifPresent(watched::add);
        Path real = Confinement.real(folder.toAbsolutePath());
        for (Path root : watched) {
            if (real.startsWith(Confinement.real(root.toAbsolutePath()))) {
                warn.accept("pages are not kept between runs: " + folder + " is inside " + root
                        + ", which serve watches; set DIGESTPRESS_CACHE_DIR to a folder outside it.");
                return Optional.empty();
            }
        }
        Optional<String> distrust = PrivateFolder.make(folder);
        if (distrust.isPresent()) {
            warn.accept("pages are not kept between runs: " + distrust.get() + ".");
            return Optional.empty();
        }
        String identity = String.join("\n", "digestpress kept build " + FORMAT,
                Confinement.real(request.publication()).toString(),
                request.issue() == null ? "newest" : Confinement.real(request.issue()).toString(),
                request.templates().folder().map(p -> Confinement.real(p).toString()).orElse("built-in"),
                request.fonts().folder().map(p -> Confinement.real(p).toString()).orElse("built-in"),
                String.valueOf(request.drafts()));
        return Optional.of(new KeptBuild(folder, Sha256.hex(identity.getBytes(StandardCharsets.UTF_8)).substring(0, 32),
                request.issue() == null ? request.publication() : null, request.publication()));
    }

    /**
     * Keeps a good build: its PDF first, then the record naming the PDF's checksum, so a record
     * never vouches for another PDF.
     */
    void save(Workspace.IssueBuild built, byte[] bytes, InputHashes hashes) throws IOException {
        String issue = built.result().issueName();
        if (issue == null || built.publicationRoot() == null || built.reads().isEmpty()) {
            return;
        }
        SortedMap<String, String> inputs = hashes.of(built.reads(), built.publicationRoot().resolve(issue));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("version", Producer.version());
        json.put("issue", issue);
        json.put("pdf", Sha256.hex(bytes));
        json.put("inputs", inputs);
        List<Object> contents = new ArrayList<>();
        for (Workspace.Entry e : built.contents()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("section", e.section());
            entry.put("title", e.title());
            entry.put("file", e.file() == null ? null : e.file().toString());
            entry.put("anchor", e.anchor());
            entry.put("page", e.page());
            contents.add(entry);
        }
        json.put("contents", contents);
        List<Object> problems = new ArrayList<>();
        for (Problem p : built.result().problems()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("file", p.file() == null ? null : p.file().toString());
            problem.put("line", p.line());
            problem.put("column", p.column());
            problem.put("severity", p.severity().name());
            problem.put("message", p.message());
            problems.add(problem);
        }
        json.put("problems", problems);
        json.put("sources", KeptSources.json(built.sourceMap() == null ? org.digestpress.pdf.SourceMap.empty()
                : built.sourceMap()));
        write(pdf, bytes);
        write(record, Json.lineInOrder(json).getBytes(StandardCharsets.UTF_8));
        prune(record.getParent());
    }

    /**
     * Keeps the folder bounded: the record and PDF of every publication ever served (every copy of
     * one, every temporary folder) would otherwise stay, 0.4 MB each for the sample. The
     * {@link #KEPT_BUILDS} builds kept most recently stay; older ones go, and so do the temporary
     * files and record-less PDFs of writes that a stopped server left (after an hour: a write in
     * progress is younger). Only this folder's own names are deleted, links as links; a file
     * another server reads meanwhile is then simply not found (nothing kept).
     */
    static void prune(Path folder) {
        List<Path> builds = new ArrayList<>();
        long now = System.currentTimeMillis();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean stale = now - modified(file) > STALE_TEMP_MILLIS;
                if (KEPT_FILE.matcher(name).matches() && name.endsWith(".json")) {
                    builds.add(file);
                } else if (name.endsWith(".tmp") && stale) {
                    Files.deleteIfExists(file);
                } else if (KEPT_FILE.matcher(name).matches() && stale
                        && !Files.exists(file.resolveSibling(name.replace(".pdf", ".json")), LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file); // a PDF whose record was never written (the server stopped between)
                }
            }
            builds.sort(java.util.Comparator.comparingLong(KeptBuild::modified).reversed()
                    .thenComparing(java.util.Comparator.naturalOrder()));
            for (Path old : builds.subList(Math.min(KEPT_BUILDS, builds.size()), builds.size())) {
                Files.deleteIfExists(old); // the record first: a PDF without its record vouches for nothing
                String name = old.getFileName().toString();
                Files.deleteIfExists(old.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".pdf"));
            }
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be tidied now is tidied by a later save
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether a build is kept here (its record exists). */
    boolean exists() {
        return Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The kept build when everything it was made from is as it was, and the same code would make it.
     * The inputs are hashed only when there is a record to compare them with.
     */
    Optional<Restored> restore(java.util.concurrent.Callable<InputHashes> hashing) {
        try {
            if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            JsonNode json = Json.read(new String(read(record, MAX_RECORD), StandardCharsets.UTF_8));
            if (json.path("format").asInt() != FORMAT || !Producer.version().equals(json.path("version").asText())) {
                return Optional.empty();
            }
            if (newestOf != null && !newestIssue(newestOf).equals(json.path("issue").asText())) {
                return Optional.empty(); // a newer issue came: that one is built now
            }
            InputHashes hashes = hashing.call();
            SortedMap<String, String> inputs = new TreeMap<>();
            json.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asText()));
            String version = Producer.version();
            if (inputs.isEmpty() || !InputHashes.combined(hashes.again(inputs.keySet()), version)
                    .equals(InputHashes.combined(inputs, version))) {
                return Optional.empty();
            }
            byte[] bytes = read(pdf, MAX_PDF);
            if (!Sha256.hex(bytes).equals(json.path("pdf").asText())) {
                return Optional.empty();
            }
            List<Workspace.Entry> contents = new ArrayList<>();
            for (JsonNode e : json.path("contents")) {
                contents.add(new Workspace.Entry(text(e, "section"), text(e, "title"),
                        e.hasNonNull("file") ? Path.of(e.get("file").asText()) : null, text(e, "anchor"),
                        e.path("page").asInt()));
            }
            List<Problem> problems = new ArrayList<>();
            for (JsonNode p : json.path("problems")) {
                problems.add(new Problem(p.hasNonNull("file") ? Path.of(p.get("file").asText()) : null,
                        p.path("line").asInt(), p.path("column").asInt(),
                        org.digestpress.problem.Severity.valueOf(p.path("severity").asText()), p.path("message").asText()));
            }
            return Optional.of(new Restored(bytes, json.path("issue").asText(), contents, problems,
                    KeptSources.read(json.get("sources"), publication)));
        } catch (Exception e) { // NOPMD: whatever fails, nothing kept is shown and the first build decides
            return Optional.empty();
        }
    }

    private static String newestIssue(Path publication) {
        List<Path> issues = org.digestpress.Pipeline.issueFolders(publication);
        return issues.isEmpty() ? "" : issues.get(issues.size() - 1).getFileName().toString();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** A regular file of the private folder, not through a link, at most {@code limit} bytes. */
    private static byte[] read(Path file, long limit) throws IOException {
        try (var channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (channel.size() > limit) {
                throw new IOException(file + " is larger than a kept build can be");
            }
            try (InputStream in = Channels.newInputStream(channel)) {
                return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
            }
        }
    }

    /** Written 0600 beside, then renamed over the old one: a reader sees the old file or the new one. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.write(Files.createFile(temp, PosixFilePermissions.asFileAttribute(PrivateFolder.SECRET)), bytes);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
