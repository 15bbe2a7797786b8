package org.digestpress.layout;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.XHTMLOutputFormat;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.core.TemplateClassResolver;
import org.digestpress.assets.Assets;
import org.digestpress.assets.InstallationProblem;
import org.digestpress.problem.Problems;

/**
 * Turns an {@link IssueView} into one XHTML document with the FreeMarker templates of a template
 * folder ({@code issue.ftlx} and the stylesheet it includes). Escaping is on by default
 * ({@code .ftlx}), so text from the content can never break the markup.
 */
public final class IssueLayout {

    static final String MAIN_TEMPLATE = "issue.ftlx";
    private static final java.util.regex.Pattern LOCATION = java.util.regex.Pattern.compile(
            "\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+\\]");
    /** What FreeMarker replaces in a template line: interpolations and directive or macro tags. */
    private static final java.util.regex.Pattern FTL_PARTS = java.util.regex.Pattern.compile(
            "\\$\\{[^}]*}|</?[#@][^>]*>");
    private final Configuration configuration;
    private final Assets templates;

    public IssueLayout(Assets templates) {
        this.templates = templates;
        configuration = new LimitedConfiguration(Configuration.VERSION_2_3_34);
        configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
        configuration.setOutputFormat(XHTMLOutputFormat.INSTANCE);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setLocalizedLookup(false);
        configuration.setNumberFormat("computer");
        configuration.setTemplateLoader(loader(templates));
        // Templates may come from anyone (--templates): they must not create Java objects (?new on
        // freemarker.template.utility.Execute runs programs) nor reach the Java API behind values.
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        // Records expose their components as plain properties (issue.title, not issue.title()).
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        configuration.setObjectWrapper(wrapper.build());
    }

    private static TemplateLoader loader(Assets templates) {
        Optional<java.nio.file.Path> folder = templates.folder();
        if (folder.isPresent()) {
            try {
                // FileTemplateLoader also refuses, by default, includes whose real path leaves the folder.
                return new ConfinedLoader(new FileTemplateLoader(folder.get().toFile()));
            } catch (IOException e) {
                throw new InstallationProblem("The templates folder " + folder.get() + " cannot be read: "
                        + e.getMessage() + ".", e);
            }
        }
        return new ClassTemplateLoader(IssueLayout.class, "/templates");
    }

    /**
     * FileTemplateLoader throws a bare SecurityException, without the including line, for a file
     * whose real path leaves the folder; as "not found" FreeMarker reports it at the include.
     */
    private record ConfinedLoader(FileTemplateLoader files) implements TemplateLoader {
        @Override
        public Object findTemplateSource(String name) throws IOException {
            try {
                return files.findTemplateSource(name);
            } catch (SecurityException e) {
                return null;
            }
        }

        @Override
        public long getLastModified(Object source) {
            return files.getLastModified(source);
        }

        @Override
        public java.io.Reader getReader(Object source, String encoding) throws IOException {
            return files.getReader(source, encoding);
        }

        @Override
        public void closeTemplateSource(Object source) throws IOException {
            files.closeTemplateSource(source);
        }
    }

    /** @return the XHTML document, or null after reporting a template error with its line */
    public String render(IssueView view, Problems problems) {
        return render(MAIN_TEMPLATE, view, Map.of(), problems);
    }

    /**
     * One article alone as an offprint ({@code view} holds one section with one article): the
     * excerpt that {@link #renderExcerpt} sets, titled and bookmarked as the article, with its
     * section's name above it. Footnotes need no offset: the stylesheet numbers them from 1 in
     * every article, in the issue as in the offprint.
     */
    public String renderOffprint(IssueView view, Problems problems) {
        return render(MAIN_TEMPLATE, view, Map.of("excerpt", Map.of("opensSection", false, "offprint", true)), problems);
    }

    /**
     * One article typeset alone ({@code view} holds one section with one article): no cover,
     * contents or back page; the section's opener and introduction only if {@code opensSection}.
     */
    public String renderExcerpt(IssueView view, boolean opensSection, Problems problems) {
        return render(MAIN_TEMPLATE, view, Map.of("excerpt", Map.of("opensSection", opensSection, "offprint", false)),
                problems);
    }

    /**
     * Renders another template of the folder (e.g. {@code web.ftlx}) with the same {@code issue}
     * and {@code labels}, plus the given variables.
     *
     * @return the document, or null after reporting a template error with its line
     */
    public String render(String templateName, IssueView view, Map<String, ?> extra, Problems problems) {
        try {
            Template template = configuration.getTemplate(templateName);
            StringWriter out = new StringWriter();
            Map<String, Object> model = new java.util.TreeMap<>(extra);
            model.put("issue", view);
            model.put("labels", view.labels());
            TemplateRun.process(template, model, out);
            String document = out.toString();
            // the PDF renderer needs XML; the web page is HTML and browsers are lenient
            boolean forPdf = templateName.equals(MAIN_TEMPLATE);
            return !forPdf || wellFormed(document, templateName, problems) ? document : null;
        } catch (freemarker.core.ParseException e) {
            problems.error(templateFile(e.getTemplateName()), e.getLineNumber(), e.getColumnNumber(),
                    "The template has a syntax error: " + e.getEditorMessage());
        } catch (TemplateException e) {
            freemarker.core.ParseException inIncluded = parseCause(e);
            if (inIncluded != null) {
                // a syntax error in an included template: at its own line, not at the #include
                problems.error(templateFile(inIncluded.getTemplateName()), inIncluded.getLineNumber(),
                        inIncluded.getColumnNumber(), "The template has a syntax error: " + inIncluded.getEditorMessage());
                return null;
            }
            problems.error(templateFile(e.getTemplateSourceName()), e.getLineNumber() == null ? 0 : e.getLineNumber(),
                    e.getColumnNumber() == null ? 0 : e.getColumnNumber(),
                    "The template failed: " + firstSentence(e.getMessageWithoutStackTop()));
        } catch (TemplateRun.Stopped e) {
            problems.error(templateFile(e.templateName() == null ? templateName : e.templateName()), e.line(),
                    e.column(), e.getMessage());
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new InstallationProblem("There is no " + templateName + " in " + templates.describe() + ".", e);
        } catch (IOException e) {
            problems.error(null, 0, 0, "The templates in " + templates.describe() + " cannot be read: " + e.getMessage());
        }
        return null;
    }

    /**
     * The line of the template that most likely wrote an output line: the only line whose text,
     * with {@code ${…}} and FreeMarker tags read as "anything", matches the output line as a whole.
     * 0 when none or several do (or the templates are the built-in ones). Where the XML parser
     * notices the fault ({@code </head>} after an unclosed {@code <div>}) is not always where it
     * was made, but it is a line to start from.
     */
    private int templateLineOf(String outputLine, String templateName) {
        Optional<java.nio.file.Path> folder = templates.folder();
        String wanted = outputLine.strip();
        if (folder.isEmpty() || wanted.isEmpty()) {
            return 0;
        }
        java.util.List<String> source;
        try {
            source = java.nio.file.Files.readAllLines(folder.get().resolve(templateName), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        int found = 0;
        for (int i = 0; i < source.size(); i++) {
            String[] literals = FTL_PARTS.split(source.get(i).strip(), -1);
            if (String.join("", literals).strip().length() < 3) {
                continue;
            }
            StringBuilder pattern = new StringBuilder();
            for (int k = 0; k < literals.length; k++) {
                pattern.append(k == 0 ? "" : ".*?").append(java.util.regex.Pattern.quote(literals[k]));
            }
            if (java.util.regex.Pattern.compile(pattern.toString(), java.util.regex.Pattern.DOTALL)
                    .matcher(wanted).matches()) {
                if (found != 0) {
                    return 0;
                }
                found = i + 1;
            }
        }
        return found;
    }

    private static freemarker.core.ParseException parseCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof freemarker.core.ParseException parse && parse.getTemplateName() != null) {
                return parse;
            }
        }
        return null;
    }

    /**
     * The content's fragments are well-formed and escaped, so markup that is not must come from a
     * template. Checked here rather than left to the renderer, so that 'digest check' finds it too.
     */
    private boolean wellFormed(String xhtml, String templateName, Problems problems) {
        try {
            org.digestpress.xml.SecureXml.sax(false).parse(new org.xml.sax.InputSource(new java.io.StringReader(xhtml)),
                    new org.xml.sax.helpers.DefaultHandler());
            return true;
        } catch (org.xml.sax.SAXParseException e) {
            String[] lines = xhtml.split("\n", -1);
            int at = Math.max(1, Math.min(lines.length, e.getLineNumber()));
            String shown = lines[at - 1].strip();
            shown = shown.length() > 100 ? shown.substring(0, 97) + "…" : shown;
            problems.error(templateFile(templateName), templateLineOf(lines[at - 1], templateName), 0,
                    "The templates produce markup that is not well-formed "
                    + "XHTML (output line " + at + ": " + shown + "): " + e.getMessage()
                    + " Close every element the templates open.");
            return false;
        } catch (Exception e) {
            problems.error(templateFile(templateName), 0, 0, "The templates' output cannot be checked.");
            return false;
        }
    }

    private java.nio.file.Path templateFile(String name) {
        String n = name == null ? MAIN_TEMPLATE : name;
        return templates.folder().map(f -> f.resolve(n)).orElse(java.nio.file.Path.of("templates", n));
    }

    /**
     * FreeMarker's message up to its first blank line or tip, on one line: "The following has
     * evaluated to null or missing:" is useless without the expression on the line after it. The
     * "[in template ...]" location is dropped; the diagnostic already starts with file and line.
     */
    static String firstSentence(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : (message == null ? "" : message.strip()).split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("----") || l.startsWith("Tip:") || l.startsWith("FTL stack trace")) {
                if (out.length() > 0) {
                    break;
                }
                continue;
            }
            l = LOCATION.matcher(l.replaceFirst("^==>\\s*", "")).replaceAll("").strip();
            if (!l.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(l);
            }
        }
        return out.toString();
    }
}
