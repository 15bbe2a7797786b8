package org.digestpress.content;

import java.nio.file.Path;
import java.util.List;

/**
 * What a build says about the articles marked {@code draft: true} it left out: a build without
 * {@code --drafts} publishes none of them, which is right for the issue, but an author who does
 * not see their article must learn why from the build itself.
 */
final class Drafts {

    private Drafts() {
    }

    /** A warning: the build goes on without them. */
    static String leftOut(Path issue, List<Path> drafts) {
        return drafts.size() == 1
                ? "1 draft left out (--drafts includes it): " + names(issue, drafts) + "."
                : drafts.size() + " drafts left out (--drafts includes them): " + names(issue, drafts) + ".";
    }

    /** The error of an issue with nothing but drafts, instead of "no articles". */
    static String onlyDrafts(Path issue, List<Path> drafts) {
        String which = drafts.size() == 1 ? "The only article of this issue is a draft"
                : "All " + drafts.size() + " articles of this issue are drafts";
        return which + " (" + names(issue, drafts) + "), and a build leaves drafts out: build with --drafts to see "
                + "them, or set 'draft: false' in an article's front matter when it is ready ('digest serve' and "
                + "'digest preview' always show drafts).";
    }

    private static String names(Path issue, List<Path> drafts) {
        List<String> names = drafts.stream().limit(5)
                .map(d -> issue.relativize(d.toAbsolutePath().normalize()).toString().replace('\\', '/')).toList();
        return String.join(", ", names) + (drafts.size() > 5 ? " and " + (drafts.size() - 5) + " more" : "");
    }
}
