package org.digestpress.assets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.digestpress.pdf.FontSet;

/**
 * The checksum of every input of an issue: each file and folder its build read (recorded as the
 * build named them, see {@link World}), and the whole template and
 * font folders, which are shared and cached between builds (a cached template is not read again,
 * yet it is an input). A folder's checksum is that of its list of names, so a new article in a
 * section is a change. Names are {@code publication/…}, {@code templates/…} and {@code fonts/…}:
 * no absolute path, so the record does not depend on where the folders are. The archive's
 * up-to-date check and serve's kept build ask it whether an issue's inputs changed.
 */
public final class InputHashes {

    private static final Pattern ISSUE_DIR = Pattern.compile("\\d{4}-\\d{2}");
    /** The files of the built-in templates; a template folder is hashed whole instead. */
    private static final List<String> BUILT_IN_TEMPLATES = List.of("issue.ftlx", "labels/en.yaml", "labels/ru.yaml",
            "style.css.ftl");
    static final String ABSENT = World.ABSENT;

    private final Path publication;
    private final Optional<Path> templates;
    private final Optional<Path> fonts;
    private final SortedMap<String, String> shared = new TreeMap<>();

    public InputHashes(Path publication, Assets templates, Assets fonts) throws IOException {
        this.publication = publication.toAbsolutePath().normalize();
        this.templates = templates.folder().map(p -> p.toAbsolutePath().normalize());
        this.fonts = fonts.folder().map(p -> p.toAbsolutePath().normalize());
        assets("templates", templates, BUILT_IN_TEMPLATES);
        assets("fonts", fonts, FontSet.files());
    }

    /** The inputs of the build of {@code issueDir}: what it read (with the fingerprints taken then), templates, fonts. */
    public SortedMap<String, String> of(Map<Path, String> read, Path issueDir) {
        SortedMap<String, String> inputs = new TreeMap<>(shared);
        String own = issueDir.getFileName().toString();
        read.forEach((path, print) -> {
            // templates and fonts are in {@code shared}, hashed whole; another issue's files are not this one's
            String name = path.startsWith(publication) ? name(path, own) : null;
            if (name != null) {
                inputs.put(name, print);
            }
        });
        return inputs;
    }

    /** The same names hashed again now: equal to the recorded inputs means nothing changed. */
    public SortedMap<String, String> again(Collection<String> names) {
        SortedMap<String, String> inputs = new TreeMap<>(shared);
        for (String name : names) {
            if (!inputs.containsKey(name)) {
                inputs.put(name, locate(name).map(this::hash).orElse(ABSENT));
            }
        }
        return inputs;
    }

    /** One hash for all inputs and the version that builds them: equal means nothing to rebuild. */
    public static String combined(SortedMap<String, String> inputs, String version) {
        StringBuilder all = new StringBuilder("digestpress ").append(version).append('\n');
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            all.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
        }
        return sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The recorded name of a path read by the build of issue {@code own}, or null when it is not its input. */
    private String name(Path path, String own) {
        if (path.startsWith(publication)) {
            Path relative = publication.relativize(path);
            String top = relative.getName(0).toString();
            if (ISSUE_DIR.matcher(top).matches() && !top.equals(own)) {
                return null;
            }
            if (Files.isDirectory(path) && !relative.getName(0).toString().equals(own)) {
                return null; // only an issue's own folders are listed by its build; a new issue is not a change
            }
            return named("publication", relative, path);
        }
        if (templates.isPresent() && path.startsWith(templates.get())) {
            return named("templates", templates.get().relativize(path), path);
        }
        if (fonts.isPresent() && path.startsWith(fonts.get())) {
            return named("fonts", fonts.get().relativize(path), path);
        }
        return null; // not a source (the archive's own staging files, a PDF read back)
    }

    private static String named(String prefix, Path relative, Path path) {
        String name = prefix + "/" + relative.toString().replace('\\', '/');
        return Files.isDirectory(path) && !name.endsWith("/") ? name + "/" : name;
    }

    private Optional<Path> locate(String name) {
        int slash = name.indexOf('/');
        String rest = name.substring(slash + 1);
        Optional<Path> root = switch (name.substring(0, slash)) {
            case "publication" -> Optional.of(publication);
            case "templates" -> templates;
            case "fonts" -> fonts;
            default -> Optional.empty();
        };
        return root.map(r -> rest.isEmpty() ? r : r.resolve(rest)).filter(p -> p.normalize().startsWith(root.get()));
    }

    /** As the build's world fingerprints it; a link that leads out is not read ("outside"), as a build refuses it. */
    private String hash(Path path) {
        if (Files.exists(path) && !Files.isDirectory(path) && !inside(path)) {
            return World.OUTSIDE;
        }
        return World.fingerprint(path);
    }

    private boolean inside(Path path) {
        Path root = path.startsWith(publication) ? publication
                : templates.filter(path::startsWith).or(() -> fonts.filter(path::startsWith)).orElse(publication);
        return Confinement.real(path).startsWith(Confinement.real(root));
    }

    private void assets(String prefix, Assets assets, List<String> builtIn) throws IOException {
        if (assets.folder().isPresent()) {
            Path root = assets.folder().get().toAbsolutePath().normalize();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    if (Confinement.real(file).startsWith(Confinement.real(root))) {
                        shared.put(prefix + "/" + root.relativize(file).toString().replace('\\', '/'),
                                sha256(Files.readAllBytes(file)));
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } else {
            for (String name : builtIn) {
                assets.read(name).ifPresent(bytes -> shared.put(prefix + "/" + name, sha256(bytes)));
            }
        }
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
