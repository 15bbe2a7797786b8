package org.digestpress.pdf;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.openhtmltopdf.extend.UserAgentCallback;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.resource.CSSResource;
import com.openhtmltopdf.resource.ImageResource;
import com.openhtmltopdf.resource.XMLResource;

/**
 * The renderer's user agent, with the SVG images it parses kept. openhtmltopdf parses an
 * {@code <img src="….svg">} anew for every layout, through a fresh JAXP parser and an identity
 * transform: a third of each layout pass of a 300-page issue. Within a build an image is read
 * once, through the renderer's own agent (and so through the resource guard, which checks and
 * records it); the parse is kept by the image's address and bytes in a {@link Memory} that may
 * outlive the build, so a later build that reads the same bytes parses nothing.
 */
final class ParsedSvgs implements UserAgentCallback {
    private final UserAgentCallback agent;
    private final Build build;

    private ParsedSvgs(UserAgentCallback agent, Build build) {
        this.agent = agent;
        this.build = build;
    }

    /**
     * Parsed images by address and content, for as long as the memory's owner keeps it: at most
     * {@link #LIMIT} images and {@link #LIMIT_BYTES} of their source, the least recently used
     * dropped first.
     */
    static final class Memory {
        static final int LIMIT = 256;
        static final long LIMIT_BYTES = 64L << 20;
        private final Map<Key, XMLResource> parsed = new LinkedHashMap<>(16, 0.75f, true);
        private long bytes;

        /** What one build keeps between its passes; each pass wraps its own agent. */
        Build forBuild() {
            return new Build(this);
        }

        private XMLResource parsed(Key key) {
            return parsed.get(key);
        }

        private void keep(Key key, XMLResource resource) {
            if (parsed.put(key, resource) == null) {
                bytes += key.content.length;
            }
            var oldest = parsed.entrySet().iterator();
            while ((parsed.size() > LIMIT || bytes > LIMIT_BYTES) && oldest.hasNext()) {
                bytes -= oldest.next().getKey().content.length;
                oldest.remove();
            }
        }

        int size() {
            return parsed.size();
        }
    }

    /** One build's images by address: read once per build, whatever the number of passes. */
    static final class Build {
        private final Memory memory;
        private final Map<String, XMLResource> read = new HashMap<>();

        private Build(Memory memory) {
            this.memory = memory;
        }

        UserAgentCallback wrap(UserAgentCallback agent) {
            return new ParsedSvgs(agent, this);
        }
    }

    private record Key(String address, byte[] content) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.address.equals(address) && Arrays.equals(k.content, content);
        }

        @Override
        public int hashCode() {
            return address.hashCode() * 31 + Arrays.hashCode(content);
        }
    }

    @Override
    public XMLResource getXMLResource(String uri, ExternalResourceType type) {
        if (type != ExternalResourceType.XML_SVG) {
            return agent.getXMLResource(uri, type);
        }
        String address = agent.getBaseURL() + '\u0000' + uri;
        XMLResource resource = build.read.get(address);
        if (resource == null) {
            // Read as the agent's getXMLResource reads it (the guard's bytes as UTF-8), parsed only when new.
            byte[] content = agent.getBinaryResource(uri, type);
            if (content == null) {
                return null;
            }
            Key key = new Key(address, content);
            resource = build.memory.parsed(key);
            if (resource == null) {
                resource = XMLResource.load(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
                if (resource == null) {
                    return null;
                }
                build.memory.keep(key, resource);
            }
            build.read.put(address, resource);
        }
        return resource;
    }

    @Override
    public CSSResource getCSSResource(String uri, ExternalResourceType type) {
        return agent.getCSSResource(uri, type);
    }

    @Override
    public ImageResource getImageResource(String uri, ExternalResourceType type) {
        return agent.getImageResource(uri, type);
    }

    @Override
    public byte[] getBinaryResource(String uri, ExternalResourceType type) {
        return agent.getBinaryResource(uri, type);
    }

    @Override
    public boolean isVisited(String uri) {
        return agent.isVisited(uri);
    }

    @Override
    public void setBaseURL(String url) {
        agent.setBaseURL(url);
    }

    @Override
    public String getBaseURL() {
        return agent.getBaseURL();
    }

    @Override
    public String resolveURI(String uri) {
        return agent.resolveURI(uri);
    }

    @Override
    public String resolveUri(String baseUri, String uri) {
        return agent.resolveUri(baseUri, uri);
    }
}
