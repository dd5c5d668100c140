package tijian.compare;

import tijian.report.Located;

/**
 * A passage of another report set beside this report's evidence: last year's target beside this year's result, a
 * shortcoming written again, another unit's paragraph beside the one that copies it. {@code start}/{@code end} are
 * this report's passage, or -1 when this report has none (a target last year's report set and this one never
 * mentions). {@code checkId} names the stored check the other quote comes from; {@code label} says which report that
 * is to a reader (2024年报告, 某某街道).
 */
public record Counterpart(int start, int end, String checkId, String label, String quote) implements Located {

    /** Last year's (or another unit's) passage with nothing in this report to set it beside. */
    public static Counterpart alone(String checkId, String label, String quote) {
        return new Counterpart(-1, -1, checkId, label, quote);
    }

    public boolean inThisReport() { return start >= 0; }

    @Override public int getStart() { return start; }
    @Override public int getEnd() { return end; }
}
