package tijian.testsupport;

import java.util.List;
import java.util.Map;

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

    /** What each township did and lacked, in its own words: nothing of it is in another town's report. */
    private static final Map<String, List<String>> OWN_WORK = Map.of(
            "东溪", List.of("在东溪古镇景区设立旅游纠纷调解点，全年受理游客投诉17件，当场调解14件。",
                    "组织镇村干部旁听区法院行政诉讼案件庭审1次，参加学法考试的干部全部合格。",
                    "古镇商户对消费纠纷调解程序知晓不多，景区执法力量在节假日明显不足。"),
            "古南", List.of("古南镇建成社区法律服务工作站8个，全年接待居民法律咨询460人次，代写法律文书35份。",
                    "对辖区12个老旧小区物业服务合同开展合法性审查，督促整改不规范条款21条。",
                    "社区法律顾问多为兼职，值班时间与居民下班时间冲突，咨询预约常排到两周以后。"),
            "三角", List.of("三角镇对全镇11个村的村规民约开展合法性审查，修改与法律相抵触的条款7条。",
                    "在农忙前组织农机安全和农资打假宣传，联合市场监管所抽检种子化肥样品26批次。",
                    "偏远村组群众参加普法活动路途较远，线上宣传在老年人中覆盖有限。"),
            "赶水", List.of("赶水镇办理行政处罚案件21件，其中适用简易程序9件，无一被复议纠错。",
                    "针对藻渡河沿岸非法采砂问题，会同水利、公安部门开展夜间巡查13次，查扣采砂船2艘。",
                    "执法人员持证比例不高，部分案卷证据收集不完整，说理部分较为简单。"));

    /** The townships {@link #honestReport} can write for. */
    public static final List<String> TOWNS = List.of("东溪", "古南", "三角", "赶水");

    /** A short report of a township: the political sentences, and its own work and shortcomings. */
    public static String honestReport(String town) {
        List<String> own = OWN_WORK.get(town);
        return "重庆市綦江区" + town + "镇人民政府关于2025年法治政府建设情况的报告\n"
                + POLITICAL.get(0) + POLITICAL.get(1) + "\n"
                + "一、主要举措和成效\n"
                + own.get(0) + "\n" + own.get(1) + "\n"
                + "二、存在的不足和原因\n"
                + own.get(2) + "\n"
                + "三、下一年度工作安排\n"
                + POLITICAL.get(2) + "\n";
    }
}
