package org.digestpress.layout;

import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;

import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.Version;

/**
 * A FreeMarker configuration whose templates, the main one and every one they include or import,
 * visit one more element at each turn of a loop and at each macro call. A loop with an empty body
 * ({@code <#list 1..2000000000 as i></#list>}) otherwise runs without visiting anything, so the
 * time limit of {@link TemplateRun}, which is checked whenever an element is entered, would never
 * be looked at. The element is FreeMarker's own thread-interruption check
 * ({@code _CoreAPI.addThreadInterruptedChecks}, which FreeMarker keeps for its online template
 * tester to stop runaway templates the same way), so an interrupt stops the run at that point too.
 */
final class LimitedConfiguration extends Configuration {

    private final Set<Template> checked = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    LimitedConfiguration(Version incompatibleImprovements) {
        super(incompatibleImprovements);
    }

    /** Every other getTemplate, and every include and import, comes through this one. */
    @Override
    public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                                boolean parseAsFTL, boolean ignoreMissing) throws IOException {
        Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
        // The cache hands out one Template per file until the file changes: add the checks once.
        if (template != null && parseAsFTL) {
            synchronized (checked) {
                if (checked.add(template)) {
                    _CoreAPI.addThreadInterruptedChecks(template);
                }
            }
        }
        return template;
    }
}
