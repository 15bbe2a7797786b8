package org.digestpress.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.digestpress.assets.Confinement;
import org.digestpress.problem.Problems;

/** Loads and validates {@code publication.yaml}. */
public final class PublicationLoader {

    static final String FILE_NAME = "publication.yaml";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern SECTION_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> STYLES = Set.of("news", "briefs", "feature");

    private PublicationLoader() {
    }

    /** @return the publication, or null when it is too broken to go on (problems say why) */
    public static Publication load(Path root, Problems problems) {
        Path absRoot = root.toAbsolutePath().normalize();
        Path file = absRoot.resolve(FILE_NAME);
        if (!Files.isDirectory(absRoot)) {
            problems.error(absRoot, 0, 0, "The publication folder does not exist.");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            problems.error(file, 0, 0, "Every publication needs a publication.yaml with its title, "
                    + "language, publisher, brand and sections; this one has none.");
            return null;
        }
        if (!Confinement.inside(file, absRoot)) {
            problems.error(file, 1, 1, "publication.yaml is a link to a file outside the publication folder ("
                    + Confinement.real(file) + "); a build reads only files inside it. Copy it in instead.");
            return null;
        }
        String text = SourceText.read(file, problems);
        if (text == null) {
            return null;
        }
        YamlNode node = YamlParser.parse(text, file, 0, problems);
        if (node == null) {
            return null;
        }
        Fields fields = Fields.root(node, file, problems, "publication.yaml");
        if (fields == null) {
            return null;
        }
        fields.warnUnknown(Set.of("title", "subtitle", "language", "publisher", "brand", "sections",
                "back_page", "resources", "index", "web"));
        References references = new References(absRoot);

        String title = fields.requiredString("title");
        String subtitle = fields.string("subtitle");
        String language = fields.string("language");
        if (language == null) {
            problems.error(file, fields.line(), 0, "publication.yaml needs a 'language', e.g. 'language: ru'.");
        } else if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*")) {
            problems.error(file, fields.lineOf("language"), 0,
                    "'language' must be a language code such as 'ru' or 'en', not '" + language + "'.");
            language = null;
        }

        Publisher publisher = readPublisher(fields);
        Brand brand = readBrand(fields, references);
        List<Section> sections = readSections(fields);
        List<Link> resources = readLinks(fields, "resources");
        String backPage = fields.string("back_page");
        List<String> index = readIndex(fields);
        boolean web;
        String baseUrl = null;
        if (fields.node("web") instanceof YamlNode.Mapping) {
            // web: {edition: true, base_url: https://…/}: the web edition with every build, and where
            // the archive folder is published (the feed's and the e-mail's absolute links)
            Fields w = fields.mapping("web");
            w.warnUnknown(Set.of("edition", "base_url"));
            web = w.flag("edition");
            baseUrl = PublishedAddress.baseUrl(w.string("base_url"), w.file(), w.lineOf("base_url"), problems);
        } else {
            web = fields.flag("web");
        }

        if (title == null || language == null || publisher == null || sections.isEmpty()) {
            return null;
        }
        return new Publication(absRoot, file, title, subtitle, language, publisher, brand, sections,
                backPage == null ? "" : backPage, fields.lineOf("back_page") + 1, resources, index, web, baseUrl);
    }

    private static Publisher readPublisher(Fields fields) {
        Fields p = fields.mapping("publisher");
        if (p == null) {
            fields.problems().error(fields.file(), fields.line(), 0,
                    "publication.yaml needs a 'publisher' with at least a 'name'.");
            return null;
        }
        p.warnUnknown(Set.of("name", "parent", "address", "phone", "fax", "email", "web", "copyright"));
        String name = p.requiredString("name");
        if (name == null) {
            return null;
        }
        String email = p.string("email");
        if (email != null && !LinkAddress.isEmail(email)) {
            p.problems().error(p.file(), p.lineOf("email"), 0, "The publisher's 'email' must be a plain address "
                    + "such as office@example.org, not '" + LinkAddress.printable(email) + "'.");
            email = null;
        }
        String web = p.string("web");
        if (web != null && !LinkAddress.allowed(web)) {
            p.problems().error(p.file(), p.lineOf("web"), 0, LinkAddress.refusal("publisher's 'web' address", web));
            web = null;
        }
        return new Publisher(name, p.string("parent"), p.string("address"), p.string("phone"),
                p.string("fax"), email, web, p.string("copyright"));
    }

    private static Brand readBrand(Fields fields, References references) {
        Fields b = fields.mapping("brand");
        if (b == null) {
            return new Brand("#1f4e79", "#d9822b", "#1d1d1b", null);
        }
        b.warnUnknown(Set.of("colors", "logo"));
        Fields colors = b.mapping("colors");
        String primary = "#1f4e79";
        String accent = "#d9822b";
        String text = "#1d1d1b";
        if (colors != null) {
            colors.warnUnknown(Set.of("primary", "accent", "text"));
            primary = colour(colors, "primary", primary);
            accent = colour(colors, "accent", accent);
            text = colour(colors, "text", text);
        }
        Path logo = null;
        String logoRef = b.string("logo");
        if (logoRef != null) {
            logo = references.image(logoRef, fields.file(), b.lineOf("logo"), 0, "logo", fields.problems());
            if (logo != null && !isImage(logo)) {
                fields.problems().error(fields.file(), b.lineOf("logo"), 0,
                        "The logo must be an SVG, PNG or JPEG file.");
                logo = null;
            }
        }
        return new Brand(primary, accent, text, logo);
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".svg") || name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    private static String colour(Fields colors, String key, String fallback) {
        String value = colors.string(key);
        if (value == null) {
            return fallback;
        }
        if (!COLOUR.matcher(value).matches()) {
            colors.problems().error(colors.file(), colors.lineOf(key), 0,
                    "The colour '" + key + "' must be written as #rrggbb, e.g. '#0e4d64', not '" + value + "'.");
            return fallback;
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Section> readSections(Fields fields) {
        List<Section> sections = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (!fields.has("sections")) {
            fields.problems().error(fields.file(), fields.line(), 0,
                    "publication.yaml needs 'sections': a list of 'id' and 'title'.");
        }
        for (YamlNode item : fields.list("sections")) {
            Fields s = fields.asFields(item, "A section");
            if (s == null) {
                continue;
            }
            s.warnUnknown(Set.of("id", "title", "style"));
            String id = s.requiredString("id");
            String title = s.requiredString("title");
            String style = s.string("style");
            if (id != null && !SECTION_ID.matcher(id).matches()) {
                fields.problems().error(fields.file(), s.lineOf("id"), 0, "The section id '" + id
                        + "' may use only lowercase Latin letters, digits and '-': it is a folder name.");
                continue;
            }
            if (id != null && !seen.add(id)) {
                fields.problems().error(fields.file(), s.lineOf("id"), 0, "The section id '" + id + "' is declared twice.");
                continue;
            }
            if (style != null && !STYLES.contains(style)) {
                fields.problems().error(fields.file(), s.lineOf("style"), 0, "The section style '" + style
                        + "' is unknown; use one of news, briefs, feature.");
                style = null;
            }
            if (id != null && title != null) {
                sections.add(new Section(id, title, style == null ? "news" : style));
            }
        }
        return sections;
    }

    /** {@code index: [regions]} or {@code [regions, tags]}; printed in {@link Publication#INDEXES} order. */
    private static List<String> readIndex(Fields fields) {
        List<String> asked = fields.strings("index");
        List<String> index = new ArrayList<>();
        for (String name : Publication.INDEXES) {
            if (asked.contains(name)) {
                index.add(name);
            }
        }
        for (String name : asked) {
            if (!Publication.INDEXES.contains(name)) {
                fields.problems().warning(fields.file(), fields.lineOf("index"), 0, "The index '" + name
                        + "' is unknown and left out; use regions or tags.");
            }
        }
        return index;
    }

    static List<Link> readLinks(Fields fields, String key) {
        List<Link> links = new ArrayList<>();
        for (YamlNode item : fields.list(key)) {
            Fields l = fields.asFields(item, "An entry of '" + key + "'");
            if (l == null) {
                continue;
            }
            l.warnUnknown(Set.of("title", "url"));
            String title = l.requiredString("title");
            String url = l.string("url");
            if (url != null && !LinkAddress.allowed(url)) {
                l.problems().error(l.file(), l.lineOf("url"), 0, LinkAddress.refusal("link", url));
                url = null;
            }
            if (title != null) {
                links.add(new Link(title, url == null ? null : url.strip()));
            }
        }
        return links;
    }
}
