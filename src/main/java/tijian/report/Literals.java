package tijian.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rule's pattern that is only words quoted with {@code Pattern.quote} and joined by {@code |} (what
 * {@code RuleFunctions.anyOf}, {@code TermList} and {@code CoverageTopic} build), found without the regex engine:
 * the engine tries every alternative at every offset of the text, where a word can only start at a character that
 * starts one of the words. The matches are the regex's own: leftmost, the first word in order that fits at that
 * offset, scanning on after each match. Only the offsets of the words' first characters are visited, from an index of
 * where each character stands in the text ({@link Report} builds it once for all its finds).
 */
final class Literals {
    private static final String OPEN = "\\Q";
    private static final String CLOSE = "\\E";

    private final String[] words;
    /** The characters a word starts with, each once. */
    private final char[] firsts;

    private Literals(List<String> words) {
        this.words = words.toArray(String[]::new);
        StringBuilder f = new StringBuilder();
        for (String w : words) {
            if (f.indexOf(String.valueOf(w.charAt(0))) < 0) f.append(w.charAt(0));
        }
        this.firsts = f.toString().toCharArray();
    }

    /** The words of a quoted alternation, or null when the pattern is anything else (then the regex engine runs). */
    static Literals of(String regex) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (true) {
            if (!regex.startsWith(OPEN, i)) return null;
            int close = regex.indexOf(CLOSE, i + OPEN.length());
            if (close < 0) return null;
            String word = regex.substring(i + OPEN.length(), close);
            // an empty word matches everywhere: leave such patterns to the engine
            if (word.isEmpty()) return null;
            words.add(word);
            i = close + CLOSE.length();
            if (i == regex.length()) return new Literals(words);
            if (regex.charAt(i) != '|') return null;
            i++;
        }
    }

    /** Every match inside {@code [from, to)}, in order; {@code offsets} is where each character stands in the text. */
    List<Span> find(String text, int from, int to, TextIndex.CharOffsets offsets) {
        int[] candidates = candidates(from, to, offsets);
        List<Span> found = new ArrayList<>();
        int next = from;
        for (int k = 0; k < candidates.length; k++) {
            if ((k & 0xFF) == 0) Deadline.check();
            int i = candidates[k];
            if (i < next) continue;
            int end = matchAt(text, i, to);
            if (end > 0) {
                found.add(new Span(i, end));
                next = end;
            }
        }
        return found;
    }

    /** The offsets in {@code [from, to)} where one of the words' first characters stands, ascending. */
    private int[] candidates(int from, int to, TextIndex.CharOffsets offsets) {
        int n = 0;
        for (char c : firsts) {
            n += offsets.to(c) - offsets.from(c);
        }
        int[] all = new int[n];
        int k = 0;
        for (char c : firsts) {
            for (int j = offsets.from(c), end = offsets.to(c); j < end; j++) {
                int i = offsets.order()[j];
                if (i >= from && i < to) all[k++] = i;
            }
        }
        all = Arrays.copyOf(all, k);
        if (firsts.length > 1) Arrays.sort(all);
        return all;
    }

    private int matchAt(String text, int at, int to) {
        for (String w : words) {
            if (at + w.length() <= to && text.startsWith(w, at)) return at + w.length();
        }
        return -1;
    }
}
