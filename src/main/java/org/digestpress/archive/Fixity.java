package org.digestpress.archive;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.digestpress.problem.Problems;

/**
 * The fixity of an archive: every file it wrote has its checksum in {@code archive.json} (issue
 * PDFs, offprints, covers, web editions, {@code index.html}, {@code feed.xml}), and {@code archive.json} has its own in
 * {@code archive.json.sha256}. {@code --verify} checks them all and changes nothing; a normal run
 * that finds a damaged file builds the file's issue again and says why.
 */
public final class Fixity {

    /**
     * What {@code --verify} found.
     *
     * @param mismatches one sentence per file that does not match the record (or the record itself)
     * @param files      how many files were checked
     */
    public record Report(List<String> mismatches, int files) {
        public Report {
            mismatches = List.copyOf(mismatches);
        }
    }

    private Fixity() {
    }

    /** Checks every file the record lists, and the record against its checksum file. Reads only. */
    static Report verify(ArchiveFolder folder) {
        List<String> mismatches = new ArrayList<>();
        Optional<String> own = recordDamage(folder);
        if (own.isPresent()) {
            mismatches.add(own.get());
        }
        ArchiveRecord record;
        try {
            if (!Files.isRegularFile(folder.resolve(ArchiveRecord.FILE_NAME))) {
                return new Report(List.of(ArchiveRecord.FILE_NAME + ": there is no archive record here to verify against."), 0);
            }
            record = ArchiveRecord.read(folder.root());
        } catch (IOException e) {
            mismatches.add(ArchiveRecord.FILE_NAME + ": cannot be used: " + e.getMessage() + ".");
            return new Report(mismatches, 1);
        }
        int files = 1;
        List<ArchiveRecord.FileSum> sums = new ArrayList<>();
        if (record.index() != null) {
            sums.add(record.index());
        }
        if (record.feed() != null) {
            sums.add(record.feed());
        }
        record.issues().forEach(i -> sums.addAll(i.files()));
        for (ArchiveRecord.FileSum sum : sums) {
            files++;
            damage(folder, sum).ifPresent(mismatches::add);
        }
        return new Report(mismatches, files);
    }

    /** The record of the last run, or an empty one (and a one-sentence warning) when it cannot be trusted. */
    static ArchiveRecord previous(ArchiveFolder folder, Problems problems) {
        Path file = folder.resolve(ArchiveRecord.FILE_NAME);
        try {
            Optional<String> damage = recordDamage(folder);
            if (damage.isPresent() && Files.isRegularFile(file)
                    && Files.isRegularFile(folder.resolve(ArchiveRecord.CHECKSUM_FILE))) {
                throw new IOException("it does not match its checksum in " + ArchiveRecord.CHECKSUM_FILE);
            }
            return ArchiveRecord.read(folder.root());
        } catch (CharacterCodingException e) {
            warn(problems, file, "it is not UTF-8 text");
        } catch (IOException e) {
            warn(problems, file, e.getMessage());
        }
        return new ArchiveRecord(null, null, null, List.of());
    }

    private static void warn(Problems problems, Path file, String why) {
        problems.warning(file, 0, 0, "The archive record cannot be used (" + why
                + "); every issue is built again and the record rewritten.");
    }

    /** Why the file is not as recorded ("…: missing", "…: changed since it was archived"), or empty. */
    static Optional<String> damage(ArchiveFolder folder, ArchiveRecord.FileSum sum) {
        if (sum == null) {
            return Optional.empty();
        }
        Path file = folder.resolve(sum.path());
        try {
            if (!file.normalize().startsWith(folder.root()) || !Files.isRegularFile(file)) {
                return Optional.of(sum.path() + ": missing");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != sum.bytes() || !org.digestpress.assets.Sha256.hex(bytes).equals(sum.sha256())) {
                return Optional.of(sum.path() + ": changed since it was archived (its checksum differs from the record)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(sum.path() + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The first damaged or missing file of an issue, or empty when all are as recorded. */
    static Optional<String> damage(ArchiveFolder folder, ArchiveRecord.Issue issue) {
        return issue.files().stream().map(f -> damage(folder, f)).flatMap(Optional::stream).findFirst();
    }

    /** Whether {@code archive.json} matches {@code archive.json.sha256}; a missing pair is no damage. */
    private static Optional<String> recordDamage(ArchiveFolder folder) {
        Path record = folder.resolve(ArchiveRecord.FILE_NAME);
        Path checksum = folder.resolve(ArchiveRecord.CHECKSUM_FILE);
        try {
            if (!Files.exists(record) && !Files.exists(checksum)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(checksum)) {
                return Optional.of(ArchiveRecord.CHECKSUM_FILE + ": missing");
            }
            if (!Files.isRegularFile(record)) {
                return Optional.of(ArchiveRecord.FILE_NAME + ": missing");
            }
            String expected = Files.readString(checksum, StandardCharsets.ISO_8859_1).strip().split("\\s+")[0];
            if (!org.digestpress.assets.Sha256.hex(Files.readAllBytes(record)).equals(expected)) {
                return Optional.of(ArchiveRecord.FILE_NAME + ": changed since it was written (its checksum differs "
                        + "from " + ArchiveRecord.CHECKSUM_FILE + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(ArchiveRecord.FILE_NAME + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Writes the record, then its checksum file ({@code sha256sum -c archive.json.sha256} checks it). */
    static void write(ArchiveFolder folder, ArchiveRecord record) throws IOException {
        byte[] json = record.json().getBytes(StandardCharsets.UTF_8);
        folder.write(ArchiveRecord.FILE_NAME, json);
        folder.write(ArchiveRecord.CHECKSUM_FILE, (org.digestpress.assets.Sha256.hex(json) + "  " + ArchiveRecord.FILE_NAME + "\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    static ArchiveRecord.FileSum sum(Path file, String path) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new ArchiveRecord.FileSum(path, org.digestpress.assets.Sha256.hex(bytes), bytes.length);
    }

    /** {@code --prune}: the archived files of an issue whose folder is gone. */
    static void remove(ArchiveFolder folder, ArchiveRecord.Issue issue) throws IOException {
        for (ArchiveRecord.FileSum f : issue.files()) {
            Path file = folder.resolve(f.path());
            if (file.normalize().startsWith(folder.root())) {
                Files.deleteIfExists(file);
            }
        }
        String year = issue.issue().substring(0, Math.min(4, issue.issue().length()));
        Path offprints = folder.resolve(year + "/" + issue.issue());
        if (offprints.normalize().startsWith(folder.root())) {
            ArchiveFolder.deleteTree(offprints);
        }
    }
}
