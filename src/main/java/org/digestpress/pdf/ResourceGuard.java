package org.digestpress.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import org.digestpress.assets.Confinement;
import org.digestpress.assets.World;

/**
 * The renderer's only way to read anything. Files are served from the allowed folders alone and
 * every other protocol is refused, so a build cannot touch the network or leak a local file into
 * the PDF, whatever the markup asks for.
 */
final class ResourceGuard implements FSStreamFactory {

    static final Set<String> PROTOCOLS = Collections.unmodifiableSortedSet(
            new TreeSet<>(List.of("file", "http", "https", "ftp", "jar", "data")));

    private final List<Path> allowed;
    private final Set<String> refused = new TreeSet<>();
    /** The renderer's reads, inside its build's world (made on the build's thread; the renderer may read on others). */
    private final World reads = World.child();

    ResourceGuard(List<Path> allowed) {
        this.allowed = allowed.stream().map(Confinement::real).toList();
    }

    @Override
    public FSStream getUrl(String url) {
        byte[] bytes = fetch(url);
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return bytes == null ? null : new ByteArrayInputStream(bytes);
            }

            @Override
            public Reader getReader() {
                return bytes == null ? null : new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
            }
        };
    }

    private synchronized byte[] fetch(String url) {
        try {
            URI uri = URI.create(url);
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                // Real paths on both sides: a link inside an allowed folder may point anywhere.
                Path named = Path.of(uri);
                Path file = Confinement.real(named);
                if (allowed.stream().anyMatch(file::startsWith) && Files.isRegularFile(file)) {
                    reads.read(named);
                    return Files.readAllBytes(file);
                }
            }
        } catch (IllegalArgumentException | IOException e) {
            // fall through: refused like anything else we cannot serve
        }
        refused.add(url);
        return null;
    }

    /** URLs the document asked for and did not get, sorted. */
    synchronized SortedSet<String> refused() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(refused));
    }

    /**
     * Files served, sorted, for the manifest and the reproducibility hash. A copy in a sorted set,
     * not {@code Set.copyOf}: that one iterates in an order that changes with every JVM start.
     */
    synchronized SortedSet<Path> read() {
        return Collections.unmodifiableSortedSet(reads.files());
    }
}
