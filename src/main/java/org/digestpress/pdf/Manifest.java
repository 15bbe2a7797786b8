package org.digestpress.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.digestpress.problem.Json;

/**
 * A JSON record of what a build produced and from what: the PDF's checksum and page count and a
 * checksum per input file, so an archive can prove which sources a published PDF came from.
 * Paths are relative to the publication, and nothing depends on the clock, so the manifest is as
 * reproducible as the PDF. Written by Jackson ({@link Json}), keys sorted, so the bytes are too.
 */
public final class Manifest {

    private Manifest() {
    }

    public static Path write(Path pdf, int pages, String issue, Path publicationRoot, List<Path> inputs)
            throws IOException {
        Map<String, Object> json = new TreeMap<>();
        json.put("issue", issue);
        json.put("pdf", pdf.getFileName().toString());
        json.put("pdf_sha256", sha256(pdf));
        json.put("pdf_bytes", Files.size(pdf));
        json.put("pages", pages);
        json.put("conformance", List.of("PDF/A-3u", "PDF/UA-1"));
        Path root = publicationRoot.toAbsolutePath().normalize();
        List<Object> files = new ArrayList<>();
        for (Path input : inputs.stream().map(p -> p.toAbsolutePath().normalize()).distinct().sorted().toList()) {
            Map<String, Object> file = new TreeMap<>();
            file.put("path", input.startsWith(root) ? root.relativize(input).toString().replace('\\', '/')
                    : input.getFileName().toString());
            file.put("sha256", sha256(input));
            files.add(file);
        }
        json.put("inputs", files);
        Path file = fileFor(pdf);
        PdfWriter.writeAtomically(file, Json.file(json).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** Where the manifest of {@code pdf} goes: next to it, {@code <name>.manifest.json}. */
    public static Path fileFor(Path pdf) {
        String name = pdf.getFileName().toString().replaceFirst("\\.pdf$", "") + ".manifest.json";
        return pdf.toAbsolutePath().resolveSibling(name);
    }

    private static String sha256(Path file) throws IOException {
        return org.digestpress.assets.Sha256.hex(Files.readAllBytes(file));
    }

}
