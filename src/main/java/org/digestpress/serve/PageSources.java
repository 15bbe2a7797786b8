package org.digestpress.serve;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import org.digestpress.pdf.SourceMap;

/** What {@code /source} and {@code /where} ask of a build's {@link SourceMap}; a test puts in its own. */
interface PageSources {

    Optional<SourceMap.Point> at(int page, double fx, double fy);

    OptionalInt pageOf(Path file, int line);

    static PageSources of(SourceMap map) {
        SourceMap sources = map == null ? SourceMap.empty() : map;
        return new PageSources() {
            @Override
            public Optional<SourceMap.Point> at(int page, double fx, double fy) {
                return sources.at(page, fx, fy);
            }

            @Override
            public OptionalInt pageOf(Path file, int line) {
                return sources.pageOf(file, line);
            }
        };
    }
}
