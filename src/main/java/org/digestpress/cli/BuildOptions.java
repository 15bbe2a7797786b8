package org.digestpress.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.digestpress.BuildRequest;
import org.digestpress.assets.Assets;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code build} and {@code check} share, turned into a {@link BuildRequest}. */
final class BuildOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ISSUE_DIR",
            description = "The issue folder (YYYY-MM) to build. Default: the newest issue in content/.")
    Path issue;

    @Option(names = "--drafts", description = "Include articles marked 'draft: true'.")
    boolean drafts;

    @picocli.CommandLine.Mixin
    AssetOptions assets;

    /** The publication is the nearest folder upwards that holds a publication.yaml. */
    BuildRequest request(Path output, boolean write) {
        return request(issue, drafts, assets, output, write);
    }

    static BuildRequest request(Path issue, boolean drafts, AssetOptions assets, Path output, boolean write) {
        Path publication;
        if (issue == null) {
            publication = Path.of("content");
        } else {
            publication = issue.toAbsolutePath().normalize().getParent();
            Path candidate = publication;
            while (candidate != null && !Files.isRegularFile(candidate.resolve("publication.yaml"))) {
                candidate = candidate.getParent();
            }
            if (candidate != null) {
                publication = candidate;
            }
        }
        return new BuildRequest(publication, issue, output, drafts, write, assets.templates(), assets.fonts());
    }

    /**
     * An explicit folder wins; else the repository's folder when run through the {@code digest}
     * launcher (which sets {@code digestpress.home}); else the copy inside the jar.
     */
    static Assets assets(Path explicit, String name) {
        if (explicit != null) {
            return Assets.directory(explicit, name);
        }
        String home = System.getProperty("digestpress.home");
        if (home != null && Files.isDirectory(Path.of(home, name))) {
            return Assets.directory(Path.of(home, name), name);
        }
        return Assets.classpath(name);
    }
}
