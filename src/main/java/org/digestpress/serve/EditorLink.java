package org.digestpress.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The link that opens a source file at a line in the author's editor, made from a template such as
 * {@code vscode://file/{path}:{line}:{column}} ({@code serve --editor} or {@code DIGEST_EDITOR}).
 * The browser follows it as any link, so the editor's own URL handler opens the file: the server
 * starts no program. Schemes that would run script in the page or load a document instead
 * ({@code javascript:}, {@code data:}, {@code blob:}, {@code http(s):} ...) are refused.
 */
final class EditorLink {

    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):.*", Pattern.DOTALL);
    private static final java.util.Set<String> REFUSED = java.util.Set.of("javascript", "vbscript", "data", "blob",
            "about", "http", "https", "file", "filesystem", "ftp", "ws", "wss", "chrome", "view-source");

    private final String template;

    private EditorLink(String template) {
        this.template = template;
    }

    /**
     * @return the link maker, or empty for no template
     * @throws IllegalArgumentException with a sentence for a template that cannot be an editor's link
     */
    static Optional<EditorLink> of(String template) {
        if (template == null || template.isBlank()) {
            return Optional.empty();
        }
        String t = template.strip();
        var scheme = SCHEME.matcher(t);
        if (!scheme.matches() || !t.contains("{path}")) {
            throw new IllegalArgumentException("The editor link '" + t + "' must start with the editor's scheme and "
                    + "hold {path}, e.g. vscode://file/{path}:{line}:{column}.");
        }
        if (REFUSED.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("The editor link '" + t + "' uses the scheme '" + scheme.group(1)
                    + ":', which opens no editor; use the editor's own, e.g. vscode://file/{path}:{line}:{column}.");
        }
        if (t.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\')) {
            throw new IllegalArgumentException("The editor link '" + t.strip() + "' holds a space or a character "
                    + "a link cannot hold.");
        }
        return Optional.of(new EditorLink(t));
    }

    /**
     * The link for {@code file} (absolute) at {@code line} and {@code column} (1 when unknown). A
     * template that puts a slash before {@code {path}} ({@code vscode://file/{path}}) gets one slash,
     * not the path's own as well.
     */
    String to(Path file, int line, int column) {
        String path = path(file);
        return template.replace("/{path}", path.startsWith("/") ? path : "/" + path).replace("{path}", path)
                .replace("{line}", Integer.toString(Math.max(1, line)))
                .replace("{column}", Integer.toString(Math.max(1, column)));
    }

    /** The absolute path with every character a URL cannot hold percent-encoded; '/' and ':' stay. */
    static String path(Path file) {
        String absolute = file.toAbsolutePath().normalize().toString().replace('\\', '/');
        String rooted = absolute.startsWith("/") ? absolute : "/" + absolute;
        try {
            // The multi-argument URI constructor quotes what a path cannot hold (space, '%', '#', '?').
            String quoted = new URI(null, null, rooted, null).toASCIIString();
            return absolute.startsWith("/") ? quoted : quoted.substring(1);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a path is always a legal URI path once quoted", e);
        }
    }
}
