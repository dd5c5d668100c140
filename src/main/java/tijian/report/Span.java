package tijian.report;

import java.util.Objects;

/** A stretch of the report text, from start (inclusive) to end (exclusive). */
public final class Span implements Located {
    private final int start;
    private final int end;

    public Span(int start, int end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
        this.start = start;
        this.end = end;
    }

    public static Span of(Located located) {
        return located instanceof Span s ? s : new Span(located.getStart(), located.getEnd());
    }

    @Override public int getStart() { return start; }
    @Override public int getEnd() { return end; }

    @Override public boolean equals(Object o) {
        return o instanceof Span s && s.start == start && s.end == end;
    }
    @Override public int hashCode() { return Objects.hash(start, end); }
    @Override public String toString() { return "[" + start + "," + end + ")"; }
}
