package tijian.report;

/**
 * The five parts that 《法治政府建设与责任落实督察工作规定》 requires in every annual report.
 * Which headings count as which part is decided by the wordings in {@code rules/data/parts.csv}.
 */
public enum Part {
    MEASURES_RESULTS(1, "主要举措和成效"),
    SHORTCOMINGS(2, "存在的不足和原因"),
    FIRST_RESPONSIBLE(3, "党政主要负责人履行第一责任人职责情况"),
    NEXT_YEAR_PLAN(4, "下一年度主要安排"),
    OTHER_MATTERS(5, "其他需要报告的情况");

    private final int number;
    private final String title;

    Part(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int getNumber() { return number; }
    public String getTitle() { return title; }
}
