package org.digestpress.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class PageFilesTest {

    private static String uri(String path) {
        return Path.of("/pub", path).toUri().toString();
    }

    /** No two sources share a copy, even on a disk that does not tell letter case apart. */
    @Test
    void namesThatDifferOnlyInCaseOrFolderGetTheirOwnCopies() {
        PageFiles files = new PageFiles();
        List<String> given = List.of(
                files.add(uri("2030-01/images/A.svg")),
                files.add(uri("2030-01/images/a.svg")),
                files.add(uri("2030-01/images/2-a.svg")),
                files.add(uri("brand/a.svg")),
                files.add(uri("2030-01/images/Схема 1.PNG")),
                files.add(uri("2030-01/images/A.svg")));
        assertEquals(List.of("images/A.svg", "images/2-a.svg", "images/2-2-a.svg", "images/3-a.svg",
                "images/-1.PNG", "images/A.svg"), given);
        Set<String> folded = new TreeSet<>();
        files.all().keySet().forEach(name -> folded.add(name.toLowerCase(Locale.ROOT)));
        assertEquals(5, files.all().size());
        assertEquals(5, folded.size(), "distinct also without letter case: " + files.all().keySet());
    }

    /** Resized copies and made files take names no source has or gets, in either order. */
    @Test
    void derivedAndReservedNamesNeverMeetASourcesName() {
        PageFiles files = new PageFiles();
        String photo = files.add(uri("2030-01/images/photo.jpg"));
        assertEquals(List.of("images/photo-480w.jpg", "images/photo-960w.jpg"), files.derive(photo, List.of("-480w", "-960w")));
        assertEquals("images/2-photo-480w.jpg", files.add(uri("2030-01/images/photo-480w.jpg")), "an author's file of that name");
        assertEquals("images/blank.gif", files.reserve("blank.gif"));
        assertEquals("images/2-blank.gif", files.add(uri("2030-01/images/Blank.GIF")).toLowerCase(Locale.ROOT));
        assertEquals(Set.of("images/2-photo-480w.jpg", "images/2-Blank.GIF"), files.all().keySet(),
                "the resized photo's original is not copied");
    }
}
