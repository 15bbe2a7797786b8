package org.digestpress.pdf;

import java.util.HashMap;
import java.util.Map;

import com.openhtmltopdf.extend.UserAgentCallback;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.resource.CSSResource;
import com.openhtmltopdf.resource.ImageResource;
import com.openhtmltopdf.resource.XMLResource;

/**
 * The renderer's user agent, with the SVG images it parses kept for the later passes of a build.
 * openhtmltopdf parses an {@code <img src="….svg">} anew for every layout, through a fresh JAXP
 * parser and an identity transform: a third of each layout pass of a 300-page issue. Reading
 * still goes through the renderer's own agent (and so through the resource guard) the first time.
 */
final class ParsedSvgs implements UserAgentCallback {
    private final UserAgentCallback agent;
    private final Map<String, XMLResource> kept;

    private ParsedSvgs(UserAgentCallback agent, Map<String, XMLResource> kept) {
        this.agent = agent;
        this.kept = kept;
    }

    /** What one build keeps between its passes; each pass wraps its own agent. */
    static final class Memory {
        private final Map<String, XMLResource> kept = new HashMap<>();

        UserAgentCallback wrap(UserAgentCallback agent) {
            return new ParsedSvgs(agent, kept);
        }
    }

    @Override
    public XMLResource getXMLResource(String uri, ExternalResourceType type) {
        if (type != ExternalResourceType.XML_SVG) {
            return agent.getXMLResource(uri, type);
        }
        String key = agent.getBaseURL() + '\u0000' + uri;
        XMLResource resource = kept.get(key);
        if (resource == null) {
            resource = agent.getXMLResource(uri, type);
            if (resource != null) {
                kept.put(key, resource);
            }
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
