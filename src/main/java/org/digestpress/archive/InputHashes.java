package org.digestpress.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.digestpress.assets.Assets;
import org.digestpress.assets.Confinement;
import org.digestpress.pdf.FontSet;

/**
 * The checksum of every file an issue is built from: the publication's own files (its
 * {@code publication.yaml}, brand and anything else outside the issue folders), the issue folder,
 * the templates and the fonts. Templates and fonts are hashed once per run; they are shared.
 * Erring on the side of too many inputs only costs a rebuild; too few would leave a stale PDF.
 */
final class InputHashes {

    private static final Pattern ISSUE_DIR = Pattern.compile("\\d{4}-\\d{2}");
    /** The files of the built-in templates; a template folder is hashed whole instead. */
    private static final List<String> BUILT_IN_TEMPLATES = List.of("issue.ftlx", "labels/en.yaml", "labels/ru.yaml",
            "style.css.ftl");

    private final Path publication;
    private final Path archive;
    private final SortedMap<String, String> shared = new TreeMap<>();

    /**
     * @param archive the output folder: never an input, even when it lies inside the publication
     */
    InputHashes(Path publication, Path archive, Assets templates, Assets fonts) throws IOException {
        this.publication = publication.toAbsolutePath().normalize();
        this.archive = archive.toAbsolutePath().normalize();
        assets("templates", templates, BUILT_IN_TEMPLATES);
        assets("fonts", fonts, FontSet.files());
        for (Path file : files(this.publication, this.publication)) {
            Path relative = this.publication.relativize(file);
            if (!ISSUE_DIR.matcher(relative.getName(0).toString()).matches()) {
                shared.put(name("publication", relative), sha256(Files.readAllBytes(file)));
            }
        }
    }

    /** Every input of one issue, by name. */
    SortedMap<String, String> of(Path issueDir) throws IOException {
        SortedMap<String, String> inputs = new TreeMap<>(shared);
        for (Path file : files(issueDir.toAbsolutePath().normalize(), publication)) {
            inputs.put(name("publication", publication.relativize(file)), sha256(Files.readAllBytes(file)));
        }
        return inputs;
    }

    /** One hash for all inputs and the version that builds them: equal means nothing to rebuild. */
    static String combined(SortedMap<String, String> inputs, String version) {
        StringBuilder all = new StringBuilder("digestpress ").append(version).append('\n');
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            all.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
        }
        return sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void assets(String prefix, Assets assets, List<String> builtIn) throws IOException {
        if (assets.folder().isPresent()) {
            Path root = assets.folder().get().toAbsolutePath().normalize();
            for (Path file : files(root, root)) {
                shared.put(name(prefix, root.relativize(file)), sha256(Files.readAllBytes(file)));
            }
        } else {
            for (String name : builtIn) {
                assets.read(name).ifPresent(bytes -> shared.put(prefix + "/" + name, sha256(bytes)));
            }
        }
    }

    /**
     * Regular files below {@code dir}, skipping hidden ones (editor and OS litter), the archive, and
     * links whose real file lies outside {@code root} (a build refuses those; their bytes are not read).
     */
    private List<Path> files(Path dir, Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(archive))
                    .filter(p -> Confinement.inside(p, root))
                    .filter(p -> stream(dir.relativize(p)).noneMatch(part -> part.startsWith(".")))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Stream<String> stream(Path relative) {
        return java.util.stream.StreamSupport.stream(relative.spliterator(), false).map(Path::toString);
    }

    private static String name(String prefix, Path relative) {
        return prefix + "/" + relative.toString().replace('\\', '/');
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
