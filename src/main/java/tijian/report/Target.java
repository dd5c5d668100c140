package tijian.report;

/** A measurable commitment inside the next-year plan: 全年排查化解矛盾纠纷不少于200件, 化解率保持在98%以上. */
public final class Target implements Located {
    private final Metric metric;
    private final int year;

    public Target(Metric metric, int year) {
        this.metric = metric;
        this.year = year;
    }

    public Metric getMetric() { return metric; }
    /** The plan year the target belongs to, or 0 when the plan names none. */
    public int getYear() { return year; }
    @Override public int getStart() { return metric.getStart(); }
    @Override public int getEnd() { return metric.getEnd(); }

    @Override public String toString() { return "Target" + metric; }
}
