package tijian.report;

/** A calendar year written in the text (2025年, 2025年度), outside citations and document numbers. */
public final class YearMention implements Located {
    private final int year;
    private final int start;
    private final int end;
    private final int section;
    private final boolean inHeading;

    public YearMention(int year, int start, int end, int section, boolean inHeading) {
        this.year = year;
        this.start = start;
        this.end = end;
        this.section = section;
        this.inHeading = inHeading;
    }

    public int getYear() { return year; }
    @Override public int getStart() { return start; }
    @Override public int getEnd() { return end; }
    /** The section the mention stands in (or whose heading it is in), -1 before the first heading. */
    public int getSection() { return section; }
    /** True when the year is written in a heading or in the report's title. */
    public boolean isInHeading() { return inHeading; }

    @Override public String toString() { return year + (inHeading ? "(heading)" : "") + "@" + start; }
}
