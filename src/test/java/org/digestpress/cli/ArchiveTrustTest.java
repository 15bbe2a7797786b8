package org.digestpress.cli;

import static org.digestpress.cli.ArchiveCommandTest.TWO_ISSUES;
import static org.digestpress.cli.ArchiveCommandTest.json;
import static org.digestpress.cli.ArchiveCommandTest.map;
import static org.digestpress.cli.ArchiveCommandTest.maps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.digestpress.BuiltIssue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What makes an archive trustworthy, tried as an archivist would: "up to date" means the same code
 * and the same bytes of every file the build read, every archived file has a checksum that
 * {@code --verify} checks, offprint names do not depend on their neighbours, and two runs on one
 * folder do not trip over each other. Promises about processes are tested with processes.
 */
class ArchiveTrustTest {

    @TempDir
    static Path shared;
    static Path firstArchive;

    @TempDir
    Path temp;

    @BeforeAll
    static void archiveBothIssues() {
        CliHarness harness = new CliHarness(shared, TWO_ISSUES);
        firstArchive = shared.resolve("archive");
        CliHarness.Outcome first = harness.run("archive", harness.publication().toString(), "-o",
                firstArchive.toString(), "--jobs", "2");
        assertEquals(0, first.exit(), first.err());
    }

    /** A fresh copy of the publication and of the first run's archive, to change without harm. */
    private CliHarness copyOfFirstRun() {
        CliHarness harness = new CliHarness(temp, TWO_ISSUES);
        CliHarness.copyTree(firstArchive, temp.resolve("archive"));
        return harness;
    }

    private CliHarness.Outcome archive(CliHarness harness, String... more) {
        List<String> args = new ArrayList<>(List.of("archive", harness.publication().toString(), "-o",
                temp.resolve("archive").toString(), "--jobs", "2"));
        args.addAll(List.of(more));
        return harness.run(args.toArray(String[]::new));
    }

    @Test
    void anotherCodeIdentityRebuildsEveryIssueAndNamesItselfEverywhere() throws Exception {
        CliHarness harness = copyOfFirstRun();
        Path out = temp.resolve("archive");
        String recorded = (String) maps(json(out.resolve("archive.json")).get("issues")).get(0).get("digestpress");
        assertTrue(recorded.matches("\\d+\\.\\d+\\.\\d+.*\\+code\\.[0-9a-f]{12}"), recorded);
        java.io.StringWriter version = new java.io.StringWriter();
        DigestCommand.execute(new java.io.PrintWriter(version), new java.io.PrintWriter(new java.io.StringWriter()),
                "--version");
        assertEquals("digestpress " + recorded, version.toString().strip(), "--version names the same code");

        Separate other = Separate.run(temp, List.of("-Ddigestpress.code=0123456789ab"), "archive",
                harness.publication().toString(), "-o", out.toString());
        assertEquals(0, other.exit(), other.err());
        assertTrue(other.out().contains("2030-01: built") && other.out().contains("2030-02: built"), other.out());
        for (Map<String, Object> issue : maps(json(out.resolve("archive.json")).get("issues"))) {
            assertTrue(((String) issue.get("digestpress")).endsWith("+code.0123456789ab"), issue.get("digestpress").toString());
        }
        try (PDDocument pdf = Loader.loadPDF(out.resolve("2030/2030-01.pdf").toFile())) {
            String producer = pdf.getDocumentInformation().getProducer();
            assertTrue(producer.endsWith("+code.0123456789ab"), producer);
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains(producer), "XMP names the same code");
        }

        CliHarness.Outcome back = archive(harness);
        assertTrue(back.out().contains("2030-01: built") && back.out().contains("2030-02: built"),
                "the code of this build differs again: " + back.out());
        assertArrayEquals(Files.readAllBytes(firstArchive.resolve("2030/2030-01.pdf")),
                Files.readAllBytes(out.resolve("2030/2030-01.pdf")), "the same code gives the same PDF again");
    }

    @Test
    void chartDataInAHiddenFileIsAnInput() throws IOException {
        CliHarness harness = new CliHarness(temp, TWO_ISSUES);
        Path article = harness.publication().resolve("2030-01/news/02-klaster.md");
        Files.writeString(article, Files.readString(article) + "\n```chart\nid: hidden-data\ntype: bar\n"
                + "title: Участники\nx: Год\ny: [Участников]\ndata: .data.csv\n```\n");
        Path data = harness.publication().resolve("2030-01/news/.data.csv");
        Files.writeString(data, "Год,Участников\n2028,3\n2029,7\n");
        CliHarness.Outcome first = archive(harness);
        assertEquals(0, first.exit(), first.err());
        assertTrue(map(maps(json(temp.resolve("archive/archive.json")).get("issues")).get(0).get("inputs"))
                .containsKey("publication/2030-01/news/.data.csv"), "the hidden file the build read is recorded");

        Files.writeString(data, "Год,Участников\n2028,3\n2029,12\n");
        CliHarness.Outcome run = archive(harness);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("2030-01: built") && run.out().contains("2030-02: up to date"), run.out());
    }

    @Test
    void aSectionLinkedFromAnotherIssueRebuildsBothWhenItsTargetChanges() throws IOException {
        CliHarness harness = new CliHarness(temp, TWO_ISSUES);
        Path linked = harness.publication().resolve("2030-02/briefs");
        deleteTree(linked);
        Files.createSymbolicLink(linked, Path.of("../2030-01/briefs"));
        CliHarness.Outcome first = archive(harness);
        assertEquals(0, first.exit(), first.err());

        Path target = harness.publication().resolve("2030-01/briefs/01-forum.md");
        Files.writeString(target, Files.readString(target) + "\nФорум продлится два дня.\n");
        CliHarness.Outcome run = archive(harness);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("2030-01: built") && run.out().contains("2030-02: built"),
                "the issue that printed the linked section is built again too: " + run.out());
        String text = ArchiveCommandTest.text(temp.resolve("archive/2030/2030-02/briefs/01-forum.pdf"));
        assertTrue(text.replaceAll("\\s+", " ").contains("Форум продлится два дня"), text);
    }

    @Test
    void aPublicationInsideTheArchiveFolderIsHashedLikeAnyOther() throws IOException {
        Path root = temp.resolve("site");
        CliHarness harness = new CliHarness(root, TWO_ISSUES);
        String[] args = {"archive", harness.publication().toString(), "-o", root.toString(), "--jobs", "2"};
        CliHarness.Outcome first = harness.run(args);
        assertEquals(0, first.exit(), first.err());
        assertFalse(map(maps(json(root.resolve("archive.json")).get("issues")).get(0).get("inputs")).isEmpty());

        Path article = harness.publication().resolve("2030-02/news/01-zavod.md");
        Files.writeString(article, Files.readString(article) + "\nЗавод нанял ещё сто человек.\n");
        CliHarness.Outcome run = harness.run(args);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("2030-01: up to date") && run.out().contains("2030-02: built"), run.out());
    }

    @Test
    void verifyFindsAFlippedByteInAPdfAPictureAndTheRecordAndChangesNothing() throws IOException {
        CliHarness harness = copyOfFirstRun();
        Path out = temp.resolve("archive");
        CliHarness.Outcome clean = harness.run("archive", "--verify", "-o", out.toString());
        assertEquals(0, clean.exit(), clean.err());
        assertTrue(clean.out().contains("files checked, all match the record"), clean.out());

        flip(out.resolve("2030/2030-01/news/02-klaster.pdf"), 2000);
        flip(out.resolve("2030/2030-02.png"), 300);
        Path record = out.resolve("archive.json");
        Files.writeString(record, Files.readString(record).replaceFirst("Калуге", "Калуга"));
        var before = harness.snapshot();
        CliHarness.Outcome found = harness.run("archive", "--verify", "-o", out.toString());
        assertEquals(1, found.exit(), found.out() + found.err());
        List<String> lines = found.err().lines().toList();
        assertEquals(3, lines.size(), found.err());
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("archive/2030/2030-01/news/02-klaster.pdf: changed since "
                + "it was archived (its checksum differs from the record)")), found.err());
        assertTrue(lines.stream().anyMatch(l -> l.contains("archive/2030/2030-02.png: changed")), found.err());
        assertTrue(lines.stream().anyMatch(l -> l.contains("archive/archive.json: changed")), found.err());
        assertTrue(found.out().contains("3 mismatches"), found.out());
        CliHarness.assertNoJavaNoise(found);
        assertEquals(before, harness.snapshot(), "--verify changes nothing");
    }

    @Test
    void aDamagedFileIsRepairedAndSaysWhy() throws IOException {
        CliHarness harness = copyOfFirstRun();
        Path out = temp.resolve("archive");
        flip(out.resolve("2030/2030-01.pdf"), 5000);
        Files.delete(out.resolve("2030/2030-02.png"));
        Files.writeString(out.resolve("index.html"), "<p>defaced</p>");
        CliHarness.Outcome run = archive(harness);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("2030-01: repaired (2030/2030-01.pdf: changed since it was archived"), run.out());
        assertTrue(run.out().contains("2030-02: repaired (2030/2030-02.png: missing)"), run.out());
        assertTrue(run.out().contains("index.html: repaired (changed since it was archived"), run.out());
        assertTrue(Files.readString(out.resolve("index.html")).contains("2030/2030-02.pdf"));
        assertArrayEquals(Files.readAllBytes(firstArchive.resolve("2030/2030-01.pdf")),
                Files.readAllBytes(out.resolve("2030/2030-01.pdf")));
        assertEquals(0, harness.run("archive", "--verify", "-o", out.toString()).exit());
    }

    @Test
    void deletingAnArticleRenamesNoOtherOffprint() throws IOException {
        CliHarness harness = copyOfFirstRun();
        Path out = temp.resolve("archive");
        List<String> before = offprints(out, 0);
        Files.delete(harness.publication().resolve("2030-01/news/01-zavod.md"));
        CliHarness.Outcome run = archive(harness);
        assertEquals(0, run.exit(), run.err());
        List<String> after = offprints(out, 0);
        List<String> expected = new ArrayList<>(before);
        expected.remove("2030/2030-01/news/01-zavod.pdf");
        assertEquals(expected, after);
        assertFalse(Files.exists(out.resolve("2030/2030-01/news/01-zavod.pdf")));
        for (String path : after) {
            assertTrue(Files.isRegularFile(out.resolve(path)), path);
        }
    }

    @Test
    void anIssueFolderThatDisappearsIsKeptAndSaidUnlessPruned() throws IOException {
        CliHarness harness = copyOfFirstRun();
        Path out = temp.resolve("archive");
        deleteTree(harness.publication().resolve("2030-02"));
        CliHarness.Outcome run = archive(harness);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("2030-02: its folder is gone from the publication; its archived files stay listed"),
                run.out());
        assertTrue(run.err().contains("warning: The issue folder 2030-02 is no longer in the publication"), run.err());
        assertEquals(List.of("2030-01", "2030-02"), maps(json(out.resolve("archive.json")).get("issues")).stream()
                .map(i -> i.get("issue")).toList());
        assertTrue(Files.readString(out.resolve("index.html")).contains("2030/2030-02.pdf"));
        assertTrue(Files.isRegularFile(out.resolve("2030/2030-02.pdf")));

        CliHarness.Outcome pruned = archive(harness, "--prune");
        assertEquals(0, pruned.exit(), pruned.err());
        assertEquals(List.of("2030-01"), maps(json(out.resolve("archive.json")).get("issues")).stream()
                .map(i -> i.get("issue")).toList());
        assertFalse(Files.exists(out.resolve("2030/2030-02.pdf")));
        assertFalse(Files.exists(out.resolve("2030/2030-02")));
        assertEquals(0, harness.run("archive", "--verify", "-o", out.toString()).exit());
    }

    @Test
    void strictFailsOnTheWarningsRecordedForAnUpToDateIssueUnlessForced() throws IOException {
        CliHarness harness = copyOfFirstRun();
        Path article = harness.publication().resolve("2030-02/briefs/02-reestr.md");
        Files.writeString(article, Files.readString(article) + "\nТекст со вставкой <script>x()</script> в середине.\n");
        CliHarness.Outcome lenient = archive(harness);
        assertEquals(0, lenient.exit(), lenient.err());
        assertTrue(lenient.out().contains("2030-02: built") && lenient.out().contains("1 warning"), lenient.out());

        CliHarness.Outcome strict = archive(harness, "--strict");
        assertEquals(1, strict.exit(), strict.out() + strict.err());
        assertTrue(strict.out().contains("2030-01: up to date"), strict.out());
        assertTrue(strict.err().contains("2030-02/briefs/02-reestr.md:") && strict.err().contains(": warning: "), strict.err());
        assertTrue(strict.err().contains("2030-02: failed (1 warning with --strict)"), strict.err());

        CliHarness.Outcome forced = archive(harness, "--strict", "--force");
        assertEquals(1, forced.exit(), "built again, the warning is still there: " + forced.err());
        assertTrue(forced.out().contains("2030-01: built"), forced.out());
    }

    @Test
    void anUnreadableRecordIsOneSentence() throws IOException {
        CliHarness harness = copyOfFirstRun();
        Path out = temp.resolve("archive");
        Files.writeString(out.resolve("archive.json"), "{\"format\": 2, \"issues\": [ {\"issue\": ");
        Files.delete(out.resolve("archive.json.sha256"));
        CliHarness.Outcome run = archive(harness);
        assertEquals(0, run.exit(), run.err());
        List<String> about = run.err().lines().filter(l -> l.contains("archive.json")).toList();
        assertEquals(1, about.size(), run.err());
        assertTrue(about.get(0).matches(".*archive\\.json: warning: The archive record cannot be used \\(it is not "
                + "valid JSON \\(line 1, column \\d+\\)\\); every issue is built again and the record rewritten\\."),
                about.get(0));
        assertEquals(about, run.err().lines().filter(l -> l.contains("warning")).toList());
        CliHarness.assertNoJavaNoise(run);
    }

    @Test
    void twoRunsOnOneFolderBothSucceedOneAfterTheOther() throws Exception {
        CliHarness harness = new CliHarness(temp, TWO_ISSUES);
        Path out = temp.resolve("archive");
        String[] args = {"archive", harness.publication().toString(), "-o", out.toString()};
        Process a = Separate.start(temp.resolve("a"), List.of(), args);
        Process b = Separate.start(temp.resolve("b"), List.of(), args);
        Separate first = Separate.finish(a, temp.resolve("a"));
        Separate second = Separate.finish(b, temp.resolve("b"));
        assertEquals(0, first.exit(), first.err());
        assertEquals(0, second.exit(), second.err());
        String both = first.err() + second.err();
        assertTrue(both.contains("another archive run is writing here"), "one run waited: " + both);
        assertTrue((first.out() + second.out()).contains("0 built, 2 up to date"),
                "the later run finds the earlier one's work: " + first.out() + second.out());
        assertEquals(0, harness.run("archive", "--verify", "-o", out.toString()).exit());
    }

    @Test
    void qpdfFindsNothingWrongInAnIssueAnOffprintOrTheWebEditionsCopy() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qpdf")), "qpdf is not installed (.ci/run installs it)");
        Path out = temp.resolve("sample");
        CliHarness.Outcome built = new CliHarness(temp.resolve("unused"), TWO_ISSUES).run("build",
                BuiltIssue.REPO.resolve("content/2025-06").toString(), "-o", out.resolve("2025-06.pdf").toString(),
                "--web");
        assertEquals(0, built.exit(), built.err());
        List<Path> pdfs = new ArrayList<>(List.of(out.resolve("2025-06.pdf"), firstArchive.resolve("2030/2030-01.pdf"),
                firstArchive.resolve("2030/2030-01/news/01-zavod.pdf")));
        try (var web = Files.walk(out.resolve("2025-06"))) {
            pdfs.addAll(web.filter(p -> p.toString().endsWith(".pdf")).toList());
        }
        assertEquals(4, pdfs.size(), "the web edition has its PDF copy: " + pdfs);
        for (Path pdf : pdfs) {
            Process qpdf = new ProcessBuilder("qpdf", "--check", pdf.toString()).redirectErrorStream(true).start();
            String said = new String(qpdf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, qpdf.waitFor(), pdf + ": " + said);
            assertFalse(said.contains("WARNING"), said);
        }
    }

    private static List<String> offprints(Path out, int issue) throws IOException {
        return maps(maps(json(out.resolve("archive.json")).get("issues")).get(issue).get("articles")).stream()
                .map(a -> (String) map(a.get("offprint")).get("path")).sorted().toList();
    }

    private static void flip(Path file, int offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[offset] ^= 0x01;
        Files.write(file, bytes);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** {@code digest} in a JVM of its own, as a second user or a CI job runs it. */
    record Separate(int exit, String out, String err) {

        static Separate run(Path dir, List<String> jvm, String... args) throws Exception {
            return finish(start(dir, jvm, args), dir);
        }

        static Process start(Path dir, List<String> jvm, String... args) throws IOException {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Dpdfbox.fontcache=" + dir));
            command.addAll(jvm);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), DigestCommand.class.getName()));
            command.addAll(List.of(args));
            command.addAll(List.of("--templates", BuiltIssue.REPO.resolve("templates").toString(), "--fonts",
                    BuiltIssue.REPO.resolve("fonts").toString()));
            return new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile())
                    .start();
        }

        static Separate finish(Process process, Path dir) throws Exception {
            int exit = process.waitFor();
            return new Separate(exit, Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
        }
    }
}
