package tijian.report;

/**
 * A stated count or rate: 出庭应诉率100%, 行政诉讼案件1件, 调解成功率达99.39%, 不少于200件, 五万余人次.
 */
public final class Metric implements Located {
    private final String label;
    private final double value;
    private final String unit;
    private final Bound comparator;
    private final String raw;
    private final int start;
    private final int end;
    private final int section;
    private final int sentence;

    public Metric(String label, double value, String unit, Bound comparator, String raw,
                  int start, int end, int section, int sentence) {
        this.label = label;
        this.value = value;
        this.unit = unit;
        this.comparator = comparator;
        this.raw = raw;
        this.start = start;
        this.end = end;
        this.section = section;
        this.sentence = sentence;
    }

    /** What is counted or rated, as written before the figure, without fillers (全年, 共, 其中, 达): "出庭应诉率". */
    public String getLabel() { return label; }
    /** The number: 100 for 100%, 99.39 for 99.39%, 50000 for 五万余. */
    public double getValue() { return value; }
    /** The measure word after the number: "%", "件", "次", "人次", "份"; "" when none. */
    public String getUnit() { return unit; }
    public Bound getComparator() { return comparator; }
    /** True for percentages (% ‰ 百分之…). */
    public boolean isRate() { return "%".equals(unit) || "‰".equals(unit); }
    /** True when the value is only a bound or an estimate (余, 以上, 约, 不少于…). */
    public boolean isApproximate() { return comparator != Bound.EXACT; }
    /** The text of the whole figure including label, qualifiers and unit. */
    public String getRaw() { return raw; }
    @Override public int getStart() { return start; }
    @Override public int getEnd() { return end; }
    /** Index of the innermost section the figure stands in, or -1 before the first heading. */
    public int getSection() { return section; }
    /** Index of the sentence ({@link Report#getSentences()}) the figure stands in. */
    public int getSentence() { return sentence; }

    @Override public String toString() { return raw + "{" + label + "=" + value + unit + "," + comparator + "}@" + start; }
}
