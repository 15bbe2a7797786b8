package org.digestpress.serve;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.digestpress.assets.Confinement;
import org.digestpress.pdf.SourceMap;

/**
 * A build's source map in its kept record, so that a click on the kept pages finds its source
 * while the first build after a restart runs (that build's own map replaces it). A block is an
 * array {@code [page, left, top, right, bottom, text, line, column, endLine]}, the fractions written
 * exactly (the shortest decimal that reads back as the same double). What is read back is checked
 * as any input: a file outside the publication is dropped, a block with impossible numbers too.
 */
final class KeptSources {

    private KeptSources() {
    }

    static Map<String, Object> json(SourceMap map) {
        Map<String, Object> files = new TreeMap<>();
        map.files().forEach((text, file) -> files.put(text, file.toString()));
        List<Object> blocks = new ArrayList<>();
        for (SourceMap.Block b : map.blocks()) {
            blocks.add(List.of(b.page(), exact(b.left()), exact(b.top()), exact(b.right()), exact(b.bottom()), b.text(),
                    b.line(), b.column(), b.endLine()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", files);
        json.put("blocks", blocks);
        return json;
    }

    /** The map the record holds, or an empty one; {@code publication} is where its files must be. */
    static SourceMap read(JsonNode json, Path publication) {
        if (json == null || !json.isObject()) {
            return SourceMap.empty();
        }
        Path root = Confinement.real(publication.toAbsolutePath().normalize());
        Map<String, Path> files = new TreeMap<>();
        json.path("files").fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                try {
                    Path file = Path.of(e.getValue().asText());
                    if (file.isAbsolute() && Confinement.real(file.normalize()).startsWith(root)) {
                        files.put(e.getKey(), file.normalize());
                    }
                } catch (java.nio.file.InvalidPathException notAPath) {
                    // a NUL in the name: not a file of the publication, dropped like one outside it
                }
            }
        });
        List<SourceMap.Block> blocks = new ArrayList<>();
        for (JsonNode b : json.path("blocks")) {
            if (b.isArray() && b.size() == 9 && b.get(5).isTextual()) {
                SourceMap.Block block = new SourceMap.Block(b.get(0).asInt(), b.get(1).asDouble(), b.get(2).asDouble(),
                        b.get(3).asDouble(), b.get(4).asDouble(), b.get(5).asText(), b.get(6).asInt(), b.get(7).asInt(),
                        b.get(8).asInt());
                if (possible(block)) {
                    blocks.add(block);
                }
            }
        }
        return SourceMap.of(blocks, files);
    }

    private static boolean possible(SourceMap.Block b) {
        return b.page() >= 1 && b.line() >= 1 && b.column() >= 0 && b.endLine() >= b.line()
                && fraction(b.left()) && fraction(b.top()) && fraction(b.right()) && fraction(b.bottom())
                && b.left() <= b.right() && b.top() <= b.bottom();
    }

    private static boolean fraction(double value) {
        return Double.isFinite(value) && value >= -0.01 && value <= 1.01;
    }

    private static BigDecimal exact(double value) {
        return new BigDecimal(Double.toString(value));
    }
}
