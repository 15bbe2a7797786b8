package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.digestpress.BuiltIssue;
import org.digestpress.problem.Json;
import org.digestpress.problem.Problem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The CI recipes in docs/ci, run here as far as a machine without GitHub or GitLab can: both files
 * are YAML, their shell steps run with bash as the runners run them, against a stand-in
 * {@code ./digest} that prints crafted problems in the format of {@code --format json}, and
 * their jq filters run with the real jq. The README's CI section must name what the files do.
 */
class CiRecipesTest {

    private static final Path GITHUB = BuiltIssue.REPO.resolve("docs/ci/github-actions.yml");
    private static final Path GITLAB = BuiltIssue.REPO.resolve("docs/ci/gitlab-ci.yml");

    @TempDir
    Path work;

    /** Problems a hostile or broken publication can produce, in the exact format digest prints. */
    private List<String> problems() {
        Path base = work;
        return List.of(
                // A message that tries to end its annotation and forge one, and a file name with , and :
                Problem.warning(work.resolve("content/2030-01/a,b:c.md"), 7, 3,
                        "100% sure\r\n::error file=x.md::forged").toJson(base),
                // A problem of the run as a whole: no file, no position
                Problem.error(null, 0, 0, "The publication has no issue folder.").toJson(base),
                // A known line, an unknown column, and :: inside the message
                Problem.error(work.resolve("content/2030-01/issue.yaml"), 4, 0, "key a::b is unknown").toJson(base),
                // A file without a position
                Problem.warning(work.resolve("content/2030-01/x.md"), 0, 0, "whole file").toJson(base));
    }

    @BeforeEach
    void standInDigest() throws IOException {
        Files.write(work.resolve("problems.jsonl"), problems(), StandardCharsets.UTF_8);
        Path digest = work.resolve("digest");
        Files.writeString(digest, """
                #!/usr/bin/env bash
                printf '%s\\n' "$*" >> "$(dirname "$0")/arguments"
                if [ "$1" = --version ]; then echo "digestpress 0.1.0+code.0123456789ab"; exit 0; fi
                echo "2030-01: failed (2 errors, 2 warnings); nothing archived for it yet" >&2
                cat "$(dirname "$0")/problems.jsonl"
                exit 1
                """);
        Files.setPosixFilePermissions(digest, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void bothRecipesAreYaml() throws IOException {
        assertTrue(yaml(GITHUB).get("jobs") instanceof Map<?, ?>);
        assertTrue(yaml(GITLAB).get("archive") instanceof Map<?, ?>);
    }

    @Test
    void githubUsesTheCurrentMajorsAndSavesTheCacheWhateverHappened() throws IOException {
        Map<String, Object> job = githubJob();
        List<Map<String, Object>> steps = maps(job.get("steps"));
        List<String> uses = steps.stream().filter(s -> s.containsKey("uses")).map(s -> (String) s.get("uses")).toList();
        assertEquals(List.of("actions/checkout@v7", "actions/setup-java@v5", "actions/cache/restore@v5",
                "actions/cache/save@v5", "actions/upload-artifact@v7"), uses);

        Map<String, Object> restore = step(steps, "actions/cache/restore@v5");
        Map<String, Object> save = step(steps, "actions/cache/save@v5");
        String key = (String) map(restore.get("with")).get("key");
        assertTrue(key.contains("${{ steps.code.outputs.identity }}") && key.contains("hashFiles("), key);
        assertEquals("${{ steps.restore.outputs.cache-primary-key }}", map(save.get("with")).get("key"));
        assertEquals(map(restore.get("with")).get("path"), map(save.get("with")).get("path"));
        assertTrue(((String) save.get("if")).startsWith("always() && steps.restore.outputs.cache-hit != 'true'"),
                (String) save.get("if"));
        assertTrue(steps.indexOf(restore) < steps.indexOf(archiveStep(steps))
                && steps.indexOf(archiveStep(steps)) < steps.indexOf(save), "restore, archive, save");
        assertEquals("always()", step(steps, "actions/upload-artifact@v7").get("if"));
        assertEquals("bash", map(map(job.get("defaults")).get("run")).get("shell"),
                "spelled out, bash runs with pipefail, so the archive's failure is the step's");
    }

    @Test
    void githubCodeIdentityStepWritesTheVersionStringAsTheCacheKeyPart() throws Exception {
        Map<String, Object> code = maps(githubJob().get("steps")).stream()
                .filter(s -> "code".equals(s.get("id"))).findFirst().orElseThrow();
        Path output = work.resolve("github_output");
        Run run = bash((String) code.get("run"), Map.of("GITHUB_OUTPUT", output.toString()), true);
        assertEquals(0, run.exit(), run.err());
        assertEquals("identity=0.1.0+code.0123456789ab\n", Files.readString(output));
    }

    @Test
    void githubAnnotationsEscapeWhatTheRunnerUnescapesAndLeaveOutUnknownPositions() throws Exception {
        requireJq();
        Map<String, Object> job = githubJob();
        Map<String, Object> archive = archiveStep(maps(job.get("steps")));
        Map<String, String> env = strings(map(archive.get("env")));
        // GitHub adds pipefail only when the shell is spelled out as bash; unspecified is bash -e.
        boolean spelledOut = job.get("defaults") instanceof Map<?, ?> defaults
                && defaults.get("run") instanceof Map<?, ?> run && "bash".equals(run.get("shell"));
        Run run = bash((String) archive.get("run"), env, spelledOut);

        assertEquals(1, run.exit(), "the archive's exit status survives the pipe into jq: " + run.err());
        assertEquals("archive --strict --format json\n", Files.readString(work.resolve("arguments")));
        assertEquals(List.of(
                "::warning file=content/2030-01/a%2Cb%3Ac.md,line=7,col=3::100%25 sure%0D%0A::error file=x.md::forged",
                "::error::The publication has no issue folder.",
                "::error file=content/2030-01/issue.yaml,line=4::key a::b is unknown",
                "::warning file=content/2030-01/x.md::whole file"), run.out().lines().toList());
        assertEquals(4, run.out().split("\n", -1).length - 1, "one line per problem, no stray CR or LF: " + run.out());
        assertTrue(run.err().contains("2030-01: failed"), "the progress reaches the log: " + run.err());
    }

    @Test
    void aCraftedKeyInARealPublicationStaysOneAnnotation() throws Exception {
        requireJq();
        CliHarness harness = new CliHarness(work.resolve("cli"), ArchiveCommandTest.TWO_ISSUES);
        Path article = harness.publication().resolve("2030-01/news/01-zavod.md");
        Files.writeString(article, Files.readString(article).replace("\nregion: ",
                "\n\"evil\\r\\n::error file=forged.md,line=1::forged 100%\": 1\nregion: "));
        Files.move(article, article.resolveSibling("01-za,v:od.md"));
        CliHarness.Outcome check = harness.run("check", "--format", "json",
                harness.publication().resolve("2030-01").toString());
        assertEquals(0, check.exit(), check.out() + check.err());
        // The real output of digest, through the recipe's step.
        Files.writeString(work.resolve("problems.jsonl"), check.out());
        Map<String, Object> archive = archiveStep(maps(githubJob().get("steps")));
        Run run = bash((String) archive.get("run"), strings(map(archive.get("env"))), true);

        List<String> annotations = run.out().lines().toList();
        assertEquals(1, annotations.size(), run.out());
        String annotation = annotations.get(0);
        assertTrue(annotation.matches("::warning file=[^:,]*/2030-01/news/01-za%2Cv%3Aod\\.md,line=\\d+,col=\\d+::"
                + "Unknown key 'evil%0D%0A::error file=forged\\.md,line=1::forged 100%25' .*"), annotation);
    }

    @Test
    void gitlabRunsInMergeRequestsKeepsTheArtifactForAWhileAndCachesOnFailure() throws IOException {
        Map<String, Object> job = map(yaml(GITLAB).get("archive"));
        List<String> rules = maps(job.get("rules")).stream().map(r -> (String) r.get("if")).toList();
        assertTrue(rules.contains("$CI_PIPELINE_SOURCE == \"merge_request_event\""), rules.toString());
        assertTrue(rules.contains("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"), rules.toString());
        Map<String, Object> artifacts = map(job.get("artifacts"));
        assertEquals("archive", artifacts.get("expose_as"));
        assertEquals(List.of("archive/"), artifacts.get("paths"), "expose_as needs the folder's trailing /");
        assertTrue(artifacts.get("expire_in") instanceof String s && s.matches("\\d+ days"), String.valueOf(artifacts));
        assertEquals("always", artifacts.get("when"));
        assertEquals("gl-code-quality-report.json", map(artifacts.get("reports")).get("codequality"));
        Map<String, Object> archiveCache = maps(job.get("cache")).stream()
                .filter(c -> List.of("archive/").equals(c.get("paths"))).findFirst().orElseThrow();
        assertEquals("always", archiveCache.get("when"));
        assertEquals("archive-$CI_COMMIT_REF_SLUG", archiveCache.get("key"),
                "per branch: a merge request's issues do not enter the default branch's archive");
    }

    @Test
    void gitlabScriptFailsTheJobAndWritesTheCodeQualityReport() throws Exception {
        requireJq();
        Map<String, Object> job = map(yaml(GITLAB).get("archive"));
        @SuppressWarnings("unchecked")
        List<String> script = (List<String>) job.get("script");
        Map<String, String> env = strings(map(job.get("variables")));
        // GitLab's runner joins the lines into one bash script; pipefail is the script's own.
        Run run = bash(String.join("\n", script), env, false);

        assertEquals(1, run.exit(), "the archive's failure fails the job after the report is written: " + run.err());
        assertEquals("archive --strict --format json\n", Files.readString(work.resolve("arguments")));
        assertEquals(String.join("\n", problems()) + "\n", run.out(), "the problems are shown in the job log");
        List<Object> expected = new ArrayList<>();
        expected.add(quality("100% sure\r\n::error file=x.md::forged", "minor", "content/2030-01/a,b:c.md", 7,
                "[\"content/2030-01/a,b:c.md\",7,3,\"100% sure\\r\\n::error file=x.md::forged\"]"));
        expected.add(quality("The publication has no issue folder.", "critical", ".", 1,
                "[null,0,0,\"The publication has no issue folder.\"]"));
        expected.add(quality("key a::b is unknown", "critical", "content/2030-01/issue.yaml", 4,
                "[\"content/2030-01/issue.yaml\",4,0,\"key a::b is unknown\"]"));
        expected.add(quality("whole file", "minor", "content/2030-01/x.md", 1,
                "[\"content/2030-01/x.md\",0,0,\"whole file\"]"));
        Object report = Json.mapper().readValue(work.resolve("gl-code-quality-report.json").toFile(), Object.class);
        assertEquals(expected, report);
    }

    @Test
    void gitlabReportOfACleanRunIsAnEmptyList() throws Exception {
        requireJq();
        Files.writeString(work.resolve("problems.jsonl"), "");
        Map<String, Object> job = map(yaml(GITLAB).get("archive"));
        @SuppressWarnings("unchecked")
        List<String> script = (List<String>) job.get("script");
        Files.writeString(work.resolve("digest"), "#!/usr/bin/env bash\necho '2030-01: up to date' >&2\n");
        Run run = bash(String.join("\n", script), strings(map(job.get("variables"))), false);
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(), Json.mapper().readValue(work.resolve("gl-code-quality-report.json").toFile(), Object.class));
    }

    @Test
    void readmeDescribesTheRecipesAsTheyAre() throws IOException {
        String readme = Files.readString(BuiltIssue.REPO.resolve("README.md"));
        int start = readme.indexOf("### In CI");
        assertTrue(start > 0, "README has an 'In CI' section");
        String section = readme.substring(start, readme.indexOf("\n### ", start + 1)).replaceAll("\\s+", " ");
        for (Map<String, Object> step : maps(githubJob().get("steps"))) {
            if (step.containsKey("uses")) {
                assertTrue(section.contains("`" + step.get("uses") + "`"), "README names " + step.get("uses"));
            }
        }
        assertFalse(section.contains("@v4"), section);
        String githubRun = (String) archiveStep(maps(githubJob().get("steps"))).get("run");
        assertTrue(githubRun.startsWith("./digest archive --strict --format json"), githubRun);
        assertTrue(section.contains("digest archive --strict --format json"), section);
        Map<String, Object> gitlab = map(yaml(GITLAB).get("archive"));
        assertTrue(section.contains((String) gitlab.get("image")), section);
        for (String claim : List.of("expose_as", "expire_in", "merge request", "code quality", "if: always()",
                "%25", "%0D", "%0A", "%3A", "%2C", "pull request", (String) map(gitlab.get("artifacts")).get("expire_in"))) {
            assertTrue(section.contains(claim), "README's CI section mentions " + claim);
        }
    }

    // --- the recipes -----------------------------------------------------------------------------

    private static Map<String, Object> yaml(Path file) throws IOException {
        return map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file)));
    }

    private static Map<String, Object> githubJob() throws IOException {
        return map(map(yaml(GITHUB).get("jobs")).get("archive"));
    }

    private static Map<String, Object> archiveStep(List<Map<String, Object>> steps) {
        return steps.stream().filter(s -> s.get("run") instanceof String r && r.contains("digest archive"))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> step(List<Map<String, Object>> steps, String uses) {
        return steps.stream().filter(s -> uses.equals(s.get("uses"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> quality(String description, String severity, String path, int line,
                                               String fingerprint) {
        return Map.of("description", description, "check_name", "digestpress", "fingerprint", fingerprint,
                "severity", severity, "location", Map.of("path", path, "lines", Map.of("begin", line)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map<?, ?>, String.valueOf(value));
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        assertTrue(value instanceof List<?>, String.valueOf(value));
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> out = new java.util.TreeMap<>();
        values.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    // --- running them --------------------------------------------------------------------------

    private record Run(int exit, String out, String err) {
    }

    private static void requireJq() {
        boolean jq = false;
        try {
            Process p = new ProcessBuilder("jq", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            jq = p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            // no jq on this machine
        }
        Assumptions.assumeTrue(jq, "jq is not installed (.ci/run installs it)");
    }

    /**
     * A step's script in {@code work} as the runner runs it: GitHub's {@code shell: bash} is
     * {@code bash --noprofile --norc -eo pipefail}; GitLab's runner, plain {@code bash -e}.
     */
    private Run bash(String script, Map<String, String> env, boolean pipefail) throws Exception {
        Path file = Files.writeString(work.resolve("step.sh"), script);
        List<String> command = new ArrayList<>(List.of("bash", "--noprofile", "--norc", "-e"));
        if (pipefail) {
            command.addAll(List.of("-o", "pipefail"));
        }
        command.add(file.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().putAll(env);
        builder.redirectError(work.resolve("stderr").toFile()).redirectOutput(work.resolve("stdout").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the step finishes");
        return new Run(process.exitValue(), Files.readString(work.resolve("stdout")),
                Files.readString(work.resolve("stderr")));
    }
}
