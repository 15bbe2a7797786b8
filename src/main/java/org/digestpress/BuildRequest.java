package org.digestpress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.digestpress.assets.Assets;
import org.digestpress.assets.World;

/**
 * What to build.
 *
 * @param publication the publication folder (with {@code publication.yaml})
 * @param issue       the issue folder, or null for the newest one
 * @param output      the PDF to write, or null for {@code out/<YYYY-MM>.pdf}; ignored when {@code write} is false
 * @param drafts      whether articles marked {@code draft: true} are included
 * @param write       false to check everything without writing a PDF
 * @param templates   FreeMarker layouts, stylesheet and labels
 * @param fonts       the TrueType files
 * @param web         also write the web edition ({@code out/<YYYY-MM>/index.html}) beside the PDF
 * @param email       also write the e-mail edition ({@code email.html}, {@code email.txt}) into the web edition's folder
 * @param screen      a PDF only to be looked at ({@code digest serve}): its pages are drawn exactly as
 *                    the issue's, without what only a PDF reader uses (the structure tree for screen
 *                    readers, which costs a tenth of a build)
 */
public record BuildRequest(Path publication, Path issue, Path output, boolean drafts, boolean write,
                           Assets templates, Assets fonts, boolean web, boolean email, boolean screen) {

    public BuildRequest(Path publication, Path issue, Path output, boolean drafts, boolean write,
                        Assets templates, Assets fonts, boolean web, boolean email) {
        this(publication, issue, output, drafts, write, templates, fonts, web, email, false);
    }

    public BuildRequest(Path publication, Path issue, Path output, boolean drafts, boolean write,
                        Assets templates, Assets fonts) {
        this(publication, issue, output, drafts, write, templates, fonts, false, false);
    }

    /** A world for this build's reads: confined to the publication, the templates and the fonts. */
    public World world() {
        List<Path> roots = new ArrayList<>();
        roots.add(publication);
        templates.folder().ifPresent(roots::add);
        fonts.folder().ifPresent(roots::add);
        return World.open(roots);
    }

    public BuildRequest withWeb(boolean web) {
        return new BuildRequest(publication, issue, output, drafts, write, templates, fonts, web, email, screen);
    }

    /** The e-mail links to the web edition, so asking for it asks for the web edition too. */
    public BuildRequest withEmail(boolean email) {
        return new BuildRequest(publication, issue, output, drafts, write, templates, fonts, web || email, email, screen);
    }

    /** The same build, for the screen only or as the issue's PDF: see {@code screen}. */
    public BuildRequest forScreen(boolean screen) {
        return new BuildRequest(publication, issue, output, drafts, write, templates, fonts, web, email, screen);
    }

    /** The same build writing {@code output}. */
    public BuildRequest writing(Path output) {
        return new BuildRequest(publication, issue, output, drafts, write, templates, fonts, web, email, screen);
    }
}
