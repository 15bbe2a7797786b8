package org.digestpress.chart;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.digestpress.assets.Confinement;
import org.digestpress.content.Limits;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the CSV file a chart block's {@code data} key names, relative to the article's folder. The
 * path is a user's string: it is refused before the file is touched unless it stays inside the
 * publication with links followed, so nothing about a file outside can reach the output.
 */
final class CsvDataFile {

    /** A scheme ("https:") or a Windows drive ("C:"): either way not a path inside the publication. */
    private static final Pattern SCHEME_OR_DRIVE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final Path article;
    private final Path root;
    private final ChartBlockProblems report;
    private byte[] bytes;

    /**
     * @param article the article holding the block
     * @param root    the folder the file must lie in, absolute and normalised
     */
    CsvDataFile(Path article, Path root, ChartBlockProblems report) {
        this.article = article;
        this.root = root;
        this.report = report;
    }

    /** The file's bytes as they are once {@link #read} got that far (even if the file then held no table). */
    byte[] bytes() {
        return bytes;
    }

    /**
     * @param dataNode the value of {@code data}, where problems are reported
     * @param ref      its text
     * @return the table, or {@code null} when there is none (the problem reported)
     */
    DataTable read(Node dataNode, String ref) {
        ref = ref.strip();
        if (ref.isEmpty()) {
            report.error(dataNode, "'data' is empty; give the CSV file's path relative to the article's folder.");
            return null;
        }
        if (SCHEME_OR_DRIVE.matcher(ref).matches() || ref.startsWith("/") || ref.startsWith("\\")) {
            report.error(dataNode, "'data' must be a path relative to the article's folder, not an absolute path or URL: '"
                    + ref + "'.");
            return null;
        }
        Path file;
        try {
            Path relative = Path.of(ref);
            if (relative.isAbsolute()) {
                report.error(dataNode, "'data' must be a path relative to the article's folder, not an absolute path: '"
                        + ref + "'.");
                return null;
            }
            Path folder = article.toAbsolutePath().getParent();
            file = folder.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            report.error(dataNode, "'data' is not a usable file path: '" + ref + "'.");
            return null;
        }
        // Checked before the file is even looked at: nothing about a file outside may reach the output.
        if (!file.startsWith(root) || !Confinement.inside(file, root)) {
            report.error(dataNode, "CSV file '" + ref + "' is outside the publication folder (or a link to a file "
                    + "outside it); a build reads only files inside it.");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            report.error(dataNode, "CSV file '" + ref + "' not found (looked for " + file + ").");
            return null;
        }
        String text;
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_TEXT_FILE_BYTES) {
                report.error(dataNode, "CSV file '" + ref + "' is " + Limits.bytes(size) + " long; a chart reads up to "
                        + Limits.bytes(Limits.MAX_TEXT_FILE_BYTES) + " (and " + Limits.MAX_CHART_ROWS + " rows).");
                return null;
            }
            byte[] read = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(read))
                    .toString();
            bytes = read;
        } catch (CharacterCodingException e) {
            report.error(dataNode, "CSV file '" + ref + "' is not UTF-8 text; save it as CSV UTF-8.");
            return null;
        } catch (IOException e) {
            report.error(dataNode, "CSV file '" + ref + "' cannot be read: " + e.getMessage() + ".");
            return null;
        }
        DataTable table = CsvReader.read(file, text);
        if (table == null) {
            report.error(dataNode, "CSV file '" + ref + "' is empty.");
        }
        return table;
    }
}
