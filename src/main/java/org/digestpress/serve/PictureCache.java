package org.digestpress.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pictures of pages already drawn, by the page's content hash and the width asked for, kept across
 * builds: a page that a save did not change is never drawn again at the same width. The least
 * recently used go first once the pictures pass {@link #LIMIT} bytes.
 */
final class PictureCache {

    static final long LIMIT = 96L << 20;

    private final Map<String, byte[]> pictures = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    synchronized byte[] get(String hash, int width) {
        return pictures.get(hash + "@" + width);
    }

    synchronized void put(String hash, int width, byte[] png) {
        byte[] old = pictures.put(hash + "@" + width, png);
        bytes += png.length - (old == null ? 0 : old.length);
        var eldest = pictures.entrySet().iterator();
        while (bytes > LIMIT && eldest.hasNext()) {
            bytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }
}
