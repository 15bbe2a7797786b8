package org.digestpress.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.digestpress.assets.Confinement;
import org.digestpress.content.Issue;
import org.digestpress.content.Publication;

/** The files an issue is built from, as the manifest lists them. */
final class Inputs {

    private Inputs() {
    }

    /** {@code publication.yaml}, the logo and every file of the issue folder inside the publication. */
    static List<Path> ofIssue(Publication publication, Issue issue) {
        List<Path> inputs = new ArrayList<>();
        inputs.add(publication.file());
        if (publication.brand().logo() != null) {
            inputs.add(publication.brand().logo());
        }
        try (Stream<Path> files = Files.walk(issue.dir())) {
            // A stray link to a file outside (not an article) must not have that file read for its hash.
            files.filter(Files::isRegularFile)
                    .filter(f -> Confinement.inside(f, publication.root()))
                    .forEach(inputs::add);
        } catch (IOException e) {
            // the issue was just read; a folder that vanished meanwhile only shortens the list
        }
        return inputs;
    }
}
