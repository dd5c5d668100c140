package tijian.report;

/** A title cited in book-title marks: 《法治政府建设实施纲要（2021－2025年）》. */
public final class Citation implements Located {
    private final String title;
    private final int start;
    private final int end;

    public Citation(String title, int start, int end) {
        this.title = title;
        this.start = start;
        this.end = end;
    }

    /** The title between 《 and 》, as written. */
    public String getTitle() { return title; }
    /** Start of 《. */
    @Override public int getStart() { return start; }
    /** Just past 》. */
    @Override public int getEnd() { return end; }

    @Override public String toString() { return "《" + title + "》@" + start; }
}
