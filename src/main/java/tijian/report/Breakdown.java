package tijian.report;

import java.util.List;

/**
 * A total followed by its listed parts: 成功调解矛盾纠纷489件……其中邻里纠纷114件、损害赔偿纠纷96件……
 */
public final class Breakdown implements Located {
    private final Metric total;
    private final List<Metric> parts;

    public Breakdown(Metric total, List<Metric> parts) {
        this.total = total;
        this.parts = List.copyOf(parts);
    }

    public Metric getTotal() { return total; }
    public List<Metric> getParts() { return parts; }
    /** Sum of the parts' values. */
    public double getPartsSum() { return parts.stream().mapToDouble(Metric::getValue).sum(); }
    /** True when the total or any part is only a bound or estimate (余, 以上…), so the sum cannot be checked. */
    public boolean isApproximate() {
        return total.isApproximate() || parts.stream().anyMatch(Metric::isApproximate);
    }
    @Override public int getStart() { return total.getStart(); }
    @Override public int getEnd() { return parts.isEmpty() ? total.getEnd() : parts.get(parts.size() - 1).getEnd(); }

    @Override public String toString() { return "Breakdown" + total + "=" + parts; }
}
