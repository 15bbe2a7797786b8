package org.digestpress.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.digestpress.problem.JsonString;

/**
 * A JSON record of what a build produced and from what: the PDF's checksum and page count and a
 * checksum per input file, so an archive can prove which sources a published PDF came from.
 * Paths are relative to the publication, and nothing depends on the clock, so the manifest is as
 * reproducible as the PDF.
 */
public final class Manifest {

    private Manifest() {
    }

    public static Path write(Path pdf, int pages, String issue, Path publicationRoot, List<Path> inputs)
            throws IOException {
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        json.append("  \"issue\": ").append(JsonString.quote(issue)).append(",\n");
        json.append("  \"pdf\": ").append(JsonString.quote(pdf.getFileName().toString())).append(",\n");
        json.append("  \"pdf_sha256\": ").append(JsonString.quote(sha256(pdf))).append(",\n");
        json.append("  \"pdf_bytes\": ").append(Files.size(pdf)).append(",\n");
        json.append("  \"pages\": ").append(pages).append(",\n");
        json.append("  \"conformance\": [\"PDF/A-3u\", \"PDF/UA-1\"],\n");
        json.append("  \"inputs\": [\n");
        Path root = publicationRoot.toAbsolutePath().normalize();
        List<Path> sorted = inputs.stream().map(p -> p.toAbsolutePath().normalize()).distinct().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            Path input = sorted.get(i);
            String name = input.startsWith(root) ? root.relativize(input).toString().replace('\\', '/') : input.getFileName().toString();
            json.append("    {\"path\": ").append(JsonString.quote(name)).append(", \"sha256\": ").append(JsonString.quote(sha256(input))).append('}');
            json.append(i + 1 < sorted.size() ? ",\n" : "\n");
        }
        json.append("  ]\n}\n");
        Path file = fileFor(pdf);
        PdfWriter.writeAtomically(file, json.toString().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** Where the manifest of {@code pdf} goes: next to it, {@code <name>.manifest.json}. */
    public static Path fileFor(Path pdf) {
        String name = pdf.getFileName().toString().replaceFirst("\\.pdf$", "") + ".manifest.json";
        return pdf.toAbsolutePath().resolveSibling(name);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

}
