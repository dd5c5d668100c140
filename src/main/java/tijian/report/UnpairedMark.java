package tijian.report;

/** An opening or closing mark (“ ” 《 》 （ ） ( ) ‘ ’) that has no partner in its paragraph. */
public final class UnpairedMark implements Located {
    private final String mark;
    private final int start;

    public UnpairedMark(String mark, int start) {
        this.mark = mark;
        this.start = start;
    }

    public String getMark() { return mark; }
    /** True when the mark opens a pair (“ 《 （ ( ‘) and nothing closes it. */
    public boolean isOpening() { return "“《（(‘【".contains(mark); }
    @Override public int getStart() { return start; }
    @Override public int getEnd() { return start + mark.length(); }

    @Override public String toString() { return mark + "@" + start; }
}
