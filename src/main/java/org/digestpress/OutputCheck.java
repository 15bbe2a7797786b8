package org.digestpress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.digestpress.assets.Confinement;
import org.digestpress.content.IssueLoader;
import org.digestpress.pdf.Manifest;
import org.digestpress.web.WebEdition;

/**
 * What a run is asked to read and write, checked before any work: the issue folder must exist,
 * and no output may land on the sources (the publication, templates, fonts) or on something that
 * is not a plain file (a folder, a device such as /dev/null, a pipe). Every output is checked
 * before any is written, so a bad {@code --thumbnails} never costs the PDF. The web edition's
 * folder, subfolders and files get the same check, also when the folder or a subfolder is a link.
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
        if (request.write() && request.web()) {
            // What can be known before the build: the folder, its subfolders, the page and the PDF
            // copy. The images' and fonts' names are checked by the build before the PDF is written.
            issueName(request).ifPresent(name -> {
                Path pdf = request.output() != null ? request.output() : Path.of("out", name + ".pdf");
                refusals.addAll(webEdition(request, pdf, WebEdition.folderFor(pdf, name),
                        List.of(WebEdition.PAGE, pdf.getFileName().toString())));
            });
        }
        if (request.write() && thumbnails != null) {
            if (Files.exists(thumbnails) && !Files.isDirectory(thumbnails)) {
                refusals.add("The thumbnails folder " + thumbnails + " exists and is not a folder; name a new "
                        + "or an existing folder.");
            } else {
                Optional<String> inside = insideSources(request, thumbnails);
                inside.ifPresent(root -> refusals.add("The thumbnails folder " + thumbnails + " is inside " + root
                        + "; a build never writes among its sources."));
                if (inside.isEmpty()) {
                    // only the pictures' names: DIR may be a folder of the user's with links of its own
                    files(request, thumbnails, List.of(), thumbnailNames(thumbnails), "The thumbnail ", refusals);
                }
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
    public static Optional<String> output(BuildRequest request, Path output) {
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

    /**
     * Why the web edition may not be written into {@code folder}, if it may not: the folder and its
     * {@code images/} and {@code fonts/} must be folders (or not exist yet) outside the sources, and
     * every file, links followed, must lie outside the sources and be a plain file if it exists.
     * A link found at a file's name that leads elsewhere is replaced by the file, never written
     * through ({@link WebEdition}).
     *
     * @param pdf     the PDF the edition belongs to
     * @param outputs the edition's files, relative to {@code folder}
     * @return one sentence per refusal, all at once; empty when the edition may be written
     */
    public static List<String> webEdition(BuildRequest request, Path pdf, Path folder, List<String> outputs) {
        List<String> refusals = new ArrayList<>();
        if (Confinement.real(folder).equals(Confinement.real(pdf))) {
            return List.of("The web edition's folder " + folder + " would have the PDF's own name; name the PDF "
                    + "with .pdf at the end.");
        }
        String pdfName = pdf.getFileName().toString();
        if (List.of(WebEdition.PAGE, WebEdition.IMAGES, WebEdition.FONTS).stream().anyMatch(pdfName::equalsIgnoreCase)) {
            return List.of("The PDF " + pdf + " would be copied into the web edition under the name of its page or "
                    + "of a folder of it; name the PDF something else, e.g. issue.pdf.");
        }
        Optional<String> whole = webFolder(request, folder, "The web edition's folder ");
        if (whole.isPresent()) {
            return List.of(whole.get());
        }
        List<String> refusedFolders = new ArrayList<>();
        for (String sub : List.of(WebEdition.IMAGES, WebEdition.FONTS)) {
            webFolder(request, folder.resolve(sub), "The web edition's folder ").ifPresent(r -> {
                refusals.add(r);
                refusedFolders.add(sub + "/");
            });
        }
        List<String> subfolders = new ArrayList<>(List.of("", WebEdition.IMAGES + "/", WebEdition.FONTS + "/"));
        subfolders.removeAll(refusedFolders);
        List<String> names = outputs.stream()
                .filter(name -> refusedFolders.stream().noneMatch(f -> name.startsWith(f) || f.equals(name + "/")))
                .toList();
        files(request, folder, subfolders, names, "The web edition's file ", refusals);
        return refusals;
    }

    /**
     * Checks the files {@code names} (relative to {@code folder}) a run writes, and every link that
     * is already in {@code folder} or its {@code subfolders} (given with a trailing slash, "" for
     * the folder itself): a link there that leads among the sources is refused before the run,
     * whether or not the run writes that name. Files are replaced by renaming, so a link elsewhere
     * is replaced, not followed.
     */
    private static void files(BuildRequest request, Path folder, List<String> subfolders, List<String> names,
                              String what, List<String> refusals) {
        TreeSet<String> all = new TreeSet<>(names);
        for (String sub : subfolders) {
            Path dir = folder.resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    entries.filter(Files::isSymbolicLink).forEach(e -> all.add(sub + e.getFileName()));
                } catch (IOException e) {
                    refusals.add("The folder " + dir + " cannot be read: " + e.getMessage() + ".");
                }
            }
        }
        for (String name : all) {
            Path file = folder.resolve(name);
            Optional<String> inside = insideSources(request, file);
            if (inside.isPresent()) {
                refusals.add(what + file + " is inside " + inside.get() + (Files.isSymbolicLink(file)
                        ? " through a link" : "") + "; a build never writes over its sources. Remove the link.");
            } else if (Files.isDirectory(file)) {
                refusals.add(what + file + " is a folder; a build replaces only files.");
            } else if (Files.exists(file) && !Files.isRegularFile(file)) {
                refusals.add(what + file + " exists and is not a regular file (a device, a pipe or a socket); a "
                        + "build replaces only files.");
            }
        }
    }

    private static Optional<String> webFolder(BuildRequest request, Path folder, String what) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return Optional.of(what + folder + " exists and is not a folder; move it away, or write the PDF "
                    + "elsewhere with -o.");
        }
        return insideSources(request, folder).map(root -> what + folder + " is inside " + root
                + (Files.isSymbolicLink(folder) ? " through a link" : "") + "; a build never writes among its "
                + "sources. Remove the link, or write the PDF elsewhere with -o.");
    }

    /** cover.png and contents.png, and the section pictures already there (how many there will be shows only later). */
    private static List<String> thumbnailNames(Path folder) {
        TreeSet<String> names = new TreeSet<>(List.of("cover.png", "contents.png"));
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                entries.map(e -> e.getFileName().toString()).filter(n -> n.matches("section-\\d+\\.png"))
                        .forEach(names::add);
            } catch (IOException e) {
                // then cover.png and contents.png are checked; the pictures are written by renaming anyway
            }
        }
        return List.copyOf(names);
    }

    /** The issue's name as the build will call it, when it can be told without reading the issue. */
    private static Optional<String> issueName(BuildRequest request) {
        Optional<Path> issue = request.issue() != null ? Optional.of(request.issue())
                : IssueLoader.newestIssue(request.publication());
        return issue.map(p -> p.toAbsolutePath().normalize().getFileName())
                .map(Path::toString)
                .filter(name -> name.matches("\\d{4}-\\d{2}"));
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
