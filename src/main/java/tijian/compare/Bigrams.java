package tijian.compare;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Character bigrams of Chinese text, the measure of likeness both continuity comparisons use: Chinese has no spaces
 * to split words at, and two characters are the usual length of a word, so shared bigrams are shared words.
 */
final class Bigrams {
    private Bigrams() {}

    /** A heading's numbering at the front of a sentence: （一）、 1. 一、 — the same point renumbered is the same point. */
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:[（(][一二三四五六七八九十0-9０-９]+[)）]|[一二三四五六七八九十]+|[0-9０-９]+)\\s*[、.．，,]*");

    /**
     * Letters and digits as {@link Shingles#normalise} keeps them (punctuation, spaces and a leading numbering say
     * nothing about what is written).
     */
    static String normalise(String text) {
        return Shingles.normalise(NUMBERING.matcher(text).replaceFirst(""));
    }

    /** The bigrams of normalised text; a text of one character is its own gram. */
    static Set<String> of(String normalised) {
        Set<String> grams = new HashSet<>();
        if (normalised.length() == 1) {
            grams.add(normalised);
        }
        for (int i = 0; i + 2 <= normalised.length(); i++) {
            grams.add(normalised.substring(i, i + 2));
        }
        return grams;
    }

    static int shared(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int n = 0;
        for (String g : small) {
            if (large.contains(g)) n++;
        }
        return n;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        int shared = shared(a, b);
        int union = a.size() + b.size() - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    /** How much of the smaller set the larger holds: 1 when one text's words are all in the other. */
    static double containment(Set<String> a, Set<String> b) {
        int smaller = Math.min(a.size(), b.size());
        return smaller == 0 ? 0 : (double) shared(a, b) / smaller;
    }

    static double dice(Set<String> a, Set<String> b) {
        int total = a.size() + b.size();
        return total == 0 ? 0 : 2.0 * shared(a, b) / total;
    }
}
