package tijian.testsupport;

import java.util.List;

/**
 * Reports made from the samples for the copy finder: 关坝镇's report with three paragraphs of 沙坪坝街道's pasted into
 * its first part, and reports of other units that share only the usual political sentences with each other.
 */
public final class CopiedReports {
    private CopiedReports() {}

    /** The three paragraphs of 沙坪坝街道's report that {@link #guanbaWithPastedParagraphs()} takes over. */
    public static final List<String> PASTED_OPENINGS = List.of("一是推进“一支队伍管执法”落地见效。", "二是创新执法监管模式。",
            "一是健全矛盾化解机制。");

    /** 沙坪坝街道's paragraphs that start with {@link #PASTED_OPENINGS}, as they stand there. */
    public static List<String> pastedParagraphs() {
        String shapingba = SampleReports.text(SampleReports.SHAPINGBA);
        return PASTED_OPENINGS.stream().map(opening -> {
            int at = shapingba.indexOf(opening);
            if (at < 0) {
                throw new IllegalStateException("沙坪坝街道's sample no longer has " + opening);
            }
            int end = shapingba.indexOf('\n', at);
            return shapingba.substring(at, end < 0 ? shapingba.length() : end);
        }).toList();
    }

    /** 关坝镇's report with the three paragraphs inserted after the first heading of its first part. */
    public static String guanbaWithPastedParagraphs() {
        String guanba = SampleReports.text(SampleReports.GUANBA);
        String heading = "(一)强化法治思想引领,筑牢思想根基。\n";
        int at = guanba.indexOf(heading);
        if (at < 0) {
            throw new IllegalStateException("关坝镇's sample no longer has " + heading);
        }
        at += heading.length();
        return guanba.substring(0, at) + "\n" + String.join("\n\n", pastedParagraphs()) + "\n\n" + guanba.substring(at);
    }

    /** Sentences every unit writes alike: the political opening and closing of such reports. */
    public static final List<String> POLITICAL = List.of(
            "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和二十届历次全会精神。",
            "全面贯彻习近平法治思想，认真落实法治政府建设实施纲要，扎实推进法治政府建设各项工作。",
            "下一步，我们将继续坚持以习近平法治思想为引领，持续推进法治政府建设，为经济社会高质量发展提供坚实法治保障。");

    /** A short report of a township: the political sentences and its own work (the town's name makes it its own). */
    public static String honestReport(String town, int cases, int sessions) {
        return "重庆市綦江区" + town + "镇人民政府关于2025年法治政府建设情况的报告\n"
                + POLITICAL.get(0) + POLITICAL.get(1) + "\n"
                + "一、主要举措和成效\n"
                + town + "镇全年召开党委会议专题研究法治建设" + sessions + "次，在" + town + "场镇集市设立法律服务摊位。\n"
                + "镇司法所联合派出所调处" + town + "片区土地承包纠纷" + cases + "件，组织" + town + "小学开展模拟法庭活动。\n"
                + "二、存在的不足和原因\n"
                + town + "镇村级法律顾问到村服务次数偏少，部分村干部对行政执法程序掌握不够。\n"
                + "三、下一年度工作安排\n"
                + POLITICAL.get(2) + "\n";
    }
}
