package org.digestpress.typography;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one block (a paragraph, a heading, a table cell) as one string, so that rules see
 * across inline elements: the quote in {@code "<em>текст</em>"} closes the one before the
 * {@code <em>}, and the no-break space of {@code в <a>Москве</a>} needs the word after the link
 * start. Every character remembers which text node it came from (its owner) so the edited text
 * can be put back node by node; elements that hold no rule-able text (code, images, line breaks)
 * stand in the run as one frozen placeholder character, and frozen characters are never edited.
 */
final class TextRun {
    /** Stands for an inline object or code span: something word-like that rules must not touch. */
    static final char OBJECT = '\uFFFC';
    /** Stands for a line break element: white space to the rules, but not a space to replace. */
    static final char LINE_BREAK = '\n';
    /** The owner of placeholders: they belong to no text node. */
    static final int NO_OWNER = -1;

    private StringBuilder text = new StringBuilder();
    private int[] owners = new int[16];
    private boolean[] frozen = new boolean[16];
    /** Every node that gave text, so a node whose last character an edit took still gets its (empty) text. */
    private final java.util.Set<Integer> appendedOwners = new java.util.LinkedHashSet<>();

    void append(String s, int owner) {
        appendedOwners.add(owner);
        for (int i = 0; i < s.length(); i++) {
            add(s.charAt(i), owner, false);
        }
    }

    void appendPlaceholder(char placeholder) {
        add(placeholder, NO_OWNER, true);
    }

    String text() {
        return text.toString();
    }

    int length() {
        return text.length();
    }

    char charAt(int i) {
        return text.charAt(i);
    }

    int owner(int i) {
        return owners[i];
    }

    boolean isFrozen(int i) {
        return frozen[i];
    }

    void freeze(int start, int end) {
        Arrays.fill(frozen, start, end, true);
    }

    /** Replaces one character in place (same length, same owner): enough for quotes. */
    void setChar(int i, char c) {
        if (!frozen[i]) {
            text.setCharAt(i, c);
        }
    }

    /** The text that now belongs to one text node. */
    String textOf(int owner) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (owners[i] == owner) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    /** The text each text node of the run now has. */
    java.util.Map<Integer, String> textsByOwner() {
        java.util.Map<Integer, StringBuilder> texts = new java.util.LinkedHashMap<>();
        for (int owner : appendedOwners) {
            texts.put(owner, new StringBuilder());
        }
        for (int i = 0; i < text.length(); i++) {
            if (owners[i] != NO_OWNER) {
                texts.computeIfAbsent(owners[i], o -> new StringBuilder()).append(text.charAt(i));
            }
        }
        java.util.Map<Integer, String> result = new java.util.LinkedHashMap<>();
        texts.forEach((owner, sb) -> result.put(owner, sb.toString()));
        return result;
    }

    /**
     * Replaces every match of the pattern, all found on the text as it was before the call. The
     * function returns the replacement of the whole match, or null to leave it. Only the part that
     * differs is edited (so a rule may match context and give it back unchanged), and a match
     * whose edit would touch a frozen character is left as it is.
     */
    void replaceAll(Pattern pattern, Function<MatchResult, String> replacement) {
        List<Edit> edits = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String wanted = replacement.apply(m);
            if (wanted != null) {
                Edit edit = Edit.minimal(m.start(), m.group(), wanted);
                if (edit != null) {
                    edits.add(edit);
                }
            }
        }
        apply(edits);
    }

    /** Applies non-overlapping edits; an edit touching a frozen character is dropped. */
    void apply(List<Edit> edits) {
        if (edits.isEmpty()) {
            return;
        }
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start));
        StringBuilder newText = new StringBuilder(text.length() + 16);
        int[] newOwners = new int[text.length() + 16 * sorted.size() + 16];
        boolean[] newFrozen = new boolean[newOwners.length];
        int n = 0;
        int from = 0;
        for (Edit edit : sorted) {
            if (edit.start() < from || touchesFrozen(edit) || inheritedOwner(edit) == NO_OWNER) {
                continue;
            }
            int owner = inheritedOwner(edit);
            for (int i = from; i < edit.start(); i++) {
                newOwners = fit(newOwners, n);
                newFrozen = fit(newFrozen, n);
                newText.append(text.charAt(i));
                newOwners[n] = owners[i];
                newFrozen[n++] = frozen[i];
            }
            for (int i = 0; i < edit.replacement().length(); i++) {
                newOwners = fit(newOwners, n);
                newFrozen = fit(newFrozen, n);
                newText.append(edit.replacement().charAt(i));
                newOwners[n] = owner;
                newFrozen[n++] = false;
            }
            from = edit.end();
        }
        for (int i = from; i < text.length(); i++) {
            newOwners = fit(newOwners, n);
            newFrozen = fit(newFrozen, n);
            newText.append(text.charAt(i));
            newOwners[n] = owners[i];
            newFrozen[n++] = frozen[i];
        }
        text = newText;
        owners = newOwners;
        frozen = newFrozen;
    }

    /** A replacement touches the frozen characters it replaces; an insertion, those on both sides of it. */
    private boolean touchesFrozen(Edit edit) {
        if (edit.start() == edit.end()) {
            return edit.start() > 0 && edit.start() < text.length() && frozen[edit.start() - 1] && frozen[edit.start()];
        }
        for (int i = edit.start(); i < edit.end(); i++) {
            if (frozen[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaced characters go to the node of the first one; an insertion joins the text before it
     * (a soft hyphen at the end of {@code <em>при</em>мер}'s first part stays in the em), or the
     * text after it when a placeholder or the start of the run is before it.
     */
    private int inheritedOwner(Edit edit) {
        if (edit.end() > edit.start()) {
            return owners[edit.start()];
        }
        if (edit.start() > 0 && owners[edit.start() - 1] != NO_OWNER) {
            return owners[edit.start() - 1];
        }
        return edit.start() < text.length() ? owners[edit.start()] : NO_OWNER;
    }

    private void add(char c, int owner, boolean isFrozen) {
        int i = text.length();
        owners = fit(owners, i);
        frozen = fit(frozen, i);
        text.append(c);
        owners[i] = owner;
        frozen[i] = isFrozen;
    }

    private static int[] fit(int[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, Math.max(16, array.length * 2));
    }

    private static boolean[] fit(boolean[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, Math.max(16, array.length * 2));
    }

    /** Replace [start, end) of the run by replacement; start == end inserts. */
    record Edit(int start, int end, String replacement) {
        static Edit insertion(int at, String s) {
            return new Edit(at, at, s);
        }

        /** The edit that turns {@code found} (at start) into {@code wanted}, trimmed to what differs; null if nothing does. */
        static Edit minimal(int start, String found, String wanted) {
            if (found.equals(wanted)) {
                return null;
            }
            int prefix = 0;
            int max = Math.min(found.length(), wanted.length());
            while (prefix < max && found.charAt(prefix) == wanted.charAt(prefix)) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < max - prefix
                    && found.charAt(found.length() - 1 - suffix) == wanted.charAt(wanted.length() - 1 - suffix)) {
                suffix++;
            }
            return new Edit(start + prefix, start + found.length() - suffix,
                    wanted.substring(prefix, wanted.length() - suffix));
        }
    }
}
