package tijian.report;

import java.util.List;
import java.util.Set;

/**
 * A numbered heading and the text it governs. Headings found inline in a paragraph ("…。2.行政执法能力…") are
 * sections too: real reports often lose their line breaks.
 */
public final class Section implements Located {
    private final int index;
    private final HeadingStyle style;
    private final String marker;
    private final int number;
    private final String title;
    private final int start;
    private final int end;
    private final int bodyEnd;
    private final int parent;
    private final boolean topLevel;
    private final Set<Part> parts;
    private final List<String> defects;

    public Section(int index, HeadingStyle style, String marker, int number, String title, int start, int end,
                   int bodyEnd, int parent, boolean topLevel, Set<Part> parts, List<String> defects) {
        this.index = index;
        this.style = style;
        this.marker = marker;
        this.number = number;
        this.title = title;
        this.start = start;
        this.end = end;
        this.bodyEnd = bodyEnd;
        this.parent = parent;
        this.topLevel = topLevel;
        this.parts = Set.copyOf(parts);
        this.defects = List.copyOf(defects);
    }

    /** Position among all sections, in text order, from 0. */
    public int getIndex() { return index; }
    public HeadingStyle getStyle() { return style; }
    /** {@link HeadingStyle#getLevel()} of the style: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, 5 inline. */
    public int getLevel() { return style.getLevel(); }
    /** The numbering exactly as written, e.g. "（一）" or "(一)、". */
    public String getMarker() { return marker; }
    /** The number the marker stands for: 一 → 1, （三） → 3. */
    public int getNumber() { return number; }
    /** The heading's words without the marker, up to the end of the heading (line end or first 。). */
    public String getTitle() { return title; }
    /** Start of the marker. */
    @Override public int getStart() { return start; }
    /** End of the heading (marker and title). */
    @Override public int getEnd() { return end; }
    /** End of everything the heading governs: up to the next heading of the same or a higher level. */
    public int getBodyEnd() { return bodyEnd; }
    /** Index of the enclosing section, or -1. */
    public int getParent() { return parent; }
    /** True for the report's highest heading level (normally 一、). */
    public boolean isTopLevel() { return topLevel; }
    /** The required parts this heading's wording names; empty when it names none, two for combined parts. */
    public Set<Part> getParts() { return parts; }
    /**
     * Numbering defects of this heading: "extra-punctuation" ("（一）、"), "wrong-separator" ("1、" at level 3),
     * "skipped" (一、 二、 四、), "repeated" (二、 二、), "mixed-width" ("（一)").
     */
    public List<String> getDefects() { return defects; }
    public boolean contains(Located other) { return other.getStart() >= start && other.getEnd() <= bodyEnd; }

    @Override public String toString() { return marker + title + " " + parts + "@" + start; }
}
