package org.digestpress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.digestpress.assets.Confinement;
import org.digestpress.pdf.Manifest;

/**
 * What a run is asked to read and write, checked before any work: the issue folder must exist,
 * and no output may land on the sources (the publication, templates, fonts) or on something that
 * is not a plain file (a folder, a device such as /dev/null, a pipe). Every output is checked
 * before any is written, so a bad {@code --thumbnails} never costs the PDF.
 */
public final class OutputCheck {

    private OutputCheck() {
    }

    /**
     * @param thumbnails the folder for page pictures, or null
     * @return one plain sentence per refusal; empty when the run may go ahead
     */
    public static List<String> refusals(BuildRequest request, Path thumbnails) {
        List<String> refusals = new ArrayList<>();
        if (request.issue() != null && !Files.isDirectory(request.issue())) {
            refusals.add("The issue folder " + request.issue() + " does not exist"
                    + (Files.exists(request.issue()) ? " as a folder" : "") + ".");
        }
        if (request.write() && request.output() != null) {
            output(request, request.output()).ifPresent(refusals::add);
        }
        if (request.write() && thumbnails != null) {
            if (Files.exists(thumbnails) && !Files.isDirectory(thumbnails)) {
                refusals.add("The thumbnails folder " + thumbnails + " exists and is not a folder; name a new "
                        + "or an existing folder.");
            } else {
                insideSources(request, thumbnails).ifPresent(root -> refusals.add("The thumbnails folder "
                        + thumbnails + " is inside " + root + "; a build never writes among its sources."));
            }
        }
        return refusals;
    }

    /**
     * Why {@code folder} may not receive a run's output files (the archive), if it may not: it must
     * be a folder or not exist yet, and lie outside the publication, templates and fonts.
     */
    public static Optional<String> outputFolder(BuildRequest request, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return Optional.of("The output folder " + folder + " exists and is not a folder; name a new or an "
                    + "existing folder.");
        }
        return insideSources(request, folder).map(root -> "The output folder " + folder + " is inside " + root
                + "; a build never writes among its sources.");
    }

    /** Why the PDF may not be written to {@code output}, if it may not. */
    static Optional<String> output(BuildRequest request, Path output) {
        if (Files.isDirectory(output)) {
            return Optional.of("The output " + output + " is a folder; name the PDF file to write, e.g. "
                    + output.resolve("issue.pdf") + ".");
        }
        if (Files.exists(output) && !Files.isRegularFile(output)) {
            return Optional.of("The output " + output + " exists and is not a regular file (a device, a pipe or "
                    + "a socket); a build replaces only files.");
        }
        Path manifest = Manifest.fileFor(output);
        if (Files.exists(manifest) && !Files.isRegularFile(manifest)) {
            return Optional.of("The manifest " + manifest + " that goes next to the PDF exists and is not a regular "
                    + "file; a build replaces only files.");
        }
        Optional<String> inside = insideSources(request, output);
        if (inside.isPresent()) {
            return Optional.of("The output " + output + " is inside " + inside.get() + "; a build never writes "
                    + "over its sources. Write the PDF elsewhere, e.g. out/issue.pdf.");
        }
        Path parent = output.toAbsolutePath().normalize().getParent();
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    return Optional.of("The output " + output + " cannot be written: " + p + " is not a folder.");
                }
                if (!Files.isWritable(p)) {
                    return Optional.of("The output " + output + " cannot be written: the folder " + p
                            + " is not writable (permission denied).");
                }
                break;
            }
        }
        return Optional.empty();
    }

    /** The source folder {@code path} lies in (links followed), described for a message. */
    private static Optional<String> insideSources(BuildRequest request, Path path) {
        if (Confinement.inside(path, request.publication())) {
            return Optional.of("the publication folder " + request.publication());
        }
        Optional<Path> templates = request.templates().folder();
        if (templates.isPresent() && Confinement.inside(path, templates.get())) {
            return Optional.of("the templates folder " + templates.get());
        }
        Optional<Path> fonts = request.fonts().folder();
        if (fonts.isPresent() && Confinement.inside(path, fonts.get())) {
            return Optional.of("the fonts folder " + fonts.get());
        }
        return Optional.empty();
    }
}
