package tijian.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A rule's pattern that is only words quoted with {@code Pattern.quote} and joined by {@code |} (what
 * {@code RuleFunctions.anyOf}, {@code TermList} and {@code CoverageTopic} build), found without the regex engine:
 * the engine tries every alternative at every offset of the text, where a word can only start at a character that
 * starts one of the words. The matches are the regex's own: leftmost, the first word in order that fits at that
 * offset, scanning on after each match.
 */
final class Literals {
    private static final String OPEN = "\\Q";
    private static final String CLOSE = "\\E";

    private final String[] words;
    private final BitSet firsts = new BitSet();

    private Literals(List<String> words) {
        this.words = words.toArray(String[]::new);
        for (String w : words) firsts.set(w.charAt(0));
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

    /** Every match inside {@code [from, to)}, in order. */
    List<Span> find(String text, int from, int to) {
        List<Span> found = new ArrayList<>();
        int i = from;
        while (i < to) {
            if ((i & 0xFFF) == 0) Deadline.check();
            char c = text.charAt(i);
            int end = firsts.get(c) ? matchAt(text, i, to) : -1;
            if (end > 0) {
                found.add(new Span(i, end));
                i = end;
            } else {
                i++;
            }
        }
        return found;
    }

    private int matchAt(String text, int at, int to) {
        for (String w : words) {
            if (at + w.length() <= to && text.startsWith(w, at)) return at + w.length();
        }
        return -1;
    }
}
