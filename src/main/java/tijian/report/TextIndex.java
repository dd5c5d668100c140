package tijian.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which section and sentence an offset falls in, in logarithmic time. Scanners ask this once per figure or year;
 * walking every section each time made parsing grow with (figures × sections), i.e. quadratically in the text.
 *
 * <p>Sections need not nest cleanly (an inline heading's body ends at its line), so a lookup does not walk a tree:
 * sections are kept in text order and a max-tree over their ends finds the last section, among those starting at or
 * before the offset, that still reaches past it.
 */
final class TextIndex {
    private final List<Section> sections;
    private final int[] starts;
    /** Max-tree over each section's body end: containment of a span. */
    private final int[] bodyEnds;
    /** Max-tree over where each section's heading ends (within its body): does an offset sit in a heading. */
    private final int[] headingEnds;
    private final int size;
    private final List<Span> sentences;

    TextIndex(List<Section> sections, List<Span> sentences) {
        List<Section> ordered = new ArrayList<>(sections);
        ordered.sort(Comparator.comparingInt(Section::getStart)); // stable: list order among equal starts
        this.sections = ordered;
        this.size = ordered.size();
        this.starts = new int[size];
        int[] body = new int[size];
        int[] heading = new int[size];
        for (int i = 0; i < size; i++) {
            Section s = ordered.get(i);
            starts[i] = s.getStart();
            body[i] = s.getBodyEnd();
            heading[i] = Math.min(s.getEnd(), s.getBodyEnd());
        }
        this.bodyEnds = maxTree(body);
        this.headingEnds = maxTree(heading);
        this.sentences = sentences;
    }

    /**
     * {@link Section#getIndex()} of the innermost section whose heading-plus-body contains [start, end), or -1:
     * the latest start wins, then the deeper level.
     */
    int sectionOf(int start, int end) {
        int last = lastStartingAtOrBefore(start);
        int found = rightmost(bodyEnds, last, end);
        if (found < 0) return -1;
        Section best = sections.get(found);
        for (int k = found - 1; k >= 0 && starts[k] == best.getStart(); k--) {
            Section s = sections.get(k);
            // among equal starts and levels the earliest in list order, as a walk over the list would keep
            if (s.getBodyEnd() >= end && s.getLevel() >= best.getLevel()) best = s;
        }
        return best.getIndex();
    }

    /** The last section (in text order) whose heading-plus-body contains the offset, or null. */
    Section lastContaining(int offset) {
        int found = rightmost(bodyEnds, lastStartingAtOrBefore(offset), offset + 1);
        return found < 0 ? null : sections.get(found);
    }

    /** True when the offset lies in some section's heading. */
    boolean inHeading(int offset) {
        return rightmost(headingEnds, lastStartingAtOrBefore(offset), offset + 1) >= 0;
    }

    /** Index of the sentence containing offset, or -1. */
    int sentenceOf(int offset) {
        return sentenceOf(sentences, offset);
    }

    /**
     * Where each character stands in a text: the offsets of the k-th distinct character {@code chars[k]} are
     * {@code order[bounds[k]]} up to (excluding) {@code order[bounds[k + 1]]}, ascending. One counting pass, for many
     * lookups; it holds four bytes per character of the text and six per distinct character.
     */
    record CharOffsets(char[] chars, int[] bounds, int[] order) {
        static CharOffsets of(String text) {
            int[] count = new int[Character.MAX_VALUE + 1];
            for (int i = 0; i < text.length(); i++) {
                count[text.charAt(i)]++;
            }
            int distinct = 0;
            for (int n : count) {
                if (n > 0) distinct++;
            }
            char[] chars = new char[distinct];
            int[] bounds = new int[distinct + 1];
            int[] next = count; // reused: the next free slot of each character
            for (int c = 0, k = 0, at = 0; c < count.length; c++) {
                int n = count[c];
                if (n == 0) continue;
                chars[k] = (char) c;
                bounds[k++] = at;
                next[c] = at;
                at += n;
            }
            bounds[distinct] = text.length();
            int[] order = new int[text.length()];
            for (int i = 0; i < text.length(); i++) {
                order[next[text.charAt(i)]++] = i;
            }
            return new CharOffsets(chars, bounds, order);
        }

        /** Where the offsets of {@code c} begin in {@link #order} (they end at {@link #to}); an empty range when it does not occur. */
        int from(char c) {
            int k = java.util.Arrays.binarySearch(chars, c);
            return k < 0 ? 0 : bounds[k];
        }

        int to(char c) {
            int k = java.util.Arrays.binarySearch(chars, c);
            return k < 0 ? 0 : bounds[k + 1];
        }
    }

    /** Index of the span (sorted, not overlapping) containing offset, or -1. */
    static int sentenceOf(List<Span> spans, int offset) {
        int lo = 0;
        int hi = spans.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = spans.get(mid);
            if (offset < s.getStart()) hi = mid - 1;
            else if (offset >= s.getEnd()) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    private int lastStartingAtOrBefore(int offset) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** A max segment tree over values, root at 1, leaves from {@code capacity}. */
    private static int[] maxTree(int[] values) {
        int capacity = 1;
        while (capacity < values.length) capacity <<= 1;
        int[] tree = new int[2 * capacity];
        java.util.Arrays.fill(tree, Integer.MIN_VALUE);
        System.arraycopy(values, 0, tree, capacity, values.length);
        for (int i = capacity - 1; i >= 1; i--) tree[i] = Math.max(tree[2 * i], tree[2 * i + 1]);
        return tree;
    }

    /** The largest index ≤ last whose value is ≥ atLeast, or -1. */
    private int rightmost(int[] tree, int last, int atLeast) {
        if (last < 0) return -1;
        return rightmost(tree, 1, 0, tree.length / 2 - 1, last, atLeast);
    }

    private static int rightmost(int[] tree, int node, int lo, int hi, int last, int atLeast) {
        if (lo > last || tree[node] < atLeast) return -1;
        if (lo == hi) return lo;
        int mid = (lo + hi) >>> 1;
        int right = rightmost(tree, 2 * node + 1, mid + 1, hi, last, atLeast);
        return right >= 0 ? right : rightmost(tree, 2 * node, lo, mid, last, atLeast);
    }
}
