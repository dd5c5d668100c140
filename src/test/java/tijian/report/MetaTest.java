package tijian.report;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class MetaTest {

    private static Report parse(String text) { return Fixtures.parse(text); }

    @Test
    void titleWithoutUnitFallsBackToPublisher() {
        String text = "发布机构：重庆市沙坪坝区司法局 发布日期：2026年1月28日\n关于2025年法治政府建设情况的报告\n\n一、主要举措和成效\n正文。";
        Report r = parse(text);
        assertEquals("关于2025年法治政府建设情况的报告", r.getTitle());
        assertEquals(r.getTitle(), r.quote(r.getTitleSpan()));
        assertEquals("重庆市沙坪坝区司法局", r.getIssuer());
        assertEquals("沙坪坝区司法局", r.getUnit());
        assertEquals(2025, r.getYear());
        assertEquals(LocalDate.of(2026, 1, 28), r.getPublishedOn());
        assertEquals("发布日期：2026年1月28日", r.quote(r.getPublishedOnSpan()));
    }

    @Test
    void yearlyReportForm() {
        Report r = parse("重庆市沙坪坝区司法局2025年法治政府建设年度报告\n一、主要举措和成效\n");
        assertEquals("重庆市沙坪坝区司法局2025年法治政府建设年度报告", r.getTitle());
        assertEquals("重庆市沙坪坝区司法局", r.getIssuer());
        assertEquals("沙坪坝区司法局", r.getUnit());
        assertEquals(2025, r.getYear());
        Report bare = parse("2025年法治政府建设年度报告\n一、主要举措和成效\n");
        assertEquals(2025, bare.getYear());
        assertNull(bare.getIssuer());
        assertNull(bare.getUnit());
    }

    @Test
    void yearFromHeadingOrOpeningWhenTheTitleHasNone() {
        Report h = parse("某某镇法治政府建设工作情况报告\n一、2024年推进法治政府建设的主要举措和成效\n正文。");
        assertEquals("某某镇法治政府建设工作情况报告", h.getTitle());
        assertEquals(2024, h.getYear());
        Report o = parse("某某镇法治政府建设工作情况报告\n2023年，我镇坚持依法行政。\n一、主要举措和成效\n正文。");
        assertEquals(2023, o.getYear());
        assertNull(parse("没有标题也没有年份。").getYear());
    }

    @Test
    void twoLineTitleCoversUnitAndGuanyuLine() {
        String text = "重庆市南岸区人民政府海棠溪街道办事处\n\n关于2023年度法治政府建设情况的报告\n\n一、主要举措和成效\n";
        Report r = parse(text);
        assertEquals("重庆市南岸区人民政府海棠溪街道办事处关于2023年度法治政府建设情况的报告", r.getTitle());
        assertEquals(0, r.getTitleSpan().getStart());
        assertEquals(text.indexOf("报告") + 2, r.getTitleSpan().getEnd());
        assertEquals("海棠溪街道", r.getUnit());
        assertEquals(2023, r.getYear());
    }

    @Test
    void titleBrokenOverTwoLines() {
        Report r = parse("中共某某街道工作委员会\n关于2025年度法治政府建设\n情况的报告\n一、主要举措和成效\n");
        assertEquals("中共某某街道工作委员会关于2025年度法治政府建设情况的报告", r.getTitle());
        assertEquals(2025, r.getYear());
    }

    @Test
    void standaloneTitleBeatsMetadataLineAndNearestWins() {
        String text = "名称: 甲镇关于2025年法治政府建设情况的报告\n甲镇关于2025年法治政府建设情况的报告\n"
                + "乙镇人民政府关于2025年法治政府建设情况的报告\n一、主要举措和成效\n";
        Report r = parse(text);
        assertEquals("乙镇人民政府关于2025年法治政府建设情况的报告", r.getTitle());
        assertEquals("乙镇", r.getUnit());
        Report meta = parse("名称: 甲镇关于2025年法治政府建设情况的报告\n一、主要举措和成效\n");
        assertEquals("甲镇关于2025年法治政府建设情况的报告", meta.getTitle());
        assertEquals(meta.getTitle(), meta.quote(meta.getTitleSpan()));
    }

    @Test
    void publicationDateForms() {
        assertEquals(LocalDate.of(2026, 1, 28), published("发布日期:2026-01-28"));
        assertEquals(LocalDate.of(2026, 1, 28), published("发布日期：2026年1月28日"));
        assertEquals(LocalDate.of(2026, 1, 28), published("成文日期 2026/01/28"));
        assertEquals(LocalDate.of(2026, 1, 28), published("日期：2026.01.28"));
        assertEquals(LocalDate.of(2026, 2, 9), published("[ 索引号 ]115/2026-00068 [ 发布日期 ]2026-02-09 [ 体裁分类 ]其他"));
        assertEquals(LocalDate.of(2026, 3, 1), published("发布时间：2026-03-01 10:20:00"));
        assertNull(published("发布日期：2026-13-45"));
        assertNull(published("来源：本站"));
        // 发布日期 wins over 成文日期 and 生成日期, wherever they stand
        assertEquals(LocalDate.of(2026, 2, 3), published("成文日期：2026-01-20 生成日期：2026-01-21 发布日期：2026-02-03"));
    }

    private static LocalDate published(String chromeLine) {
        return parse(chromeLine + "\n关于2025年法治政府建设情况的报告\n一、主要举措和成效\n截止日期：2025-12-31前完成。\n").getPublishedOn();
    }

    @Test
    void datesInsideTheReportAreNotPublicationDates() {
        Report r = parse("关于2025年法治政府建设情况的报告\n一、主要举措和成效\n日期：2025-06-01召开会议。\n");
        assertNull(r.getPublishedOn());
    }

    @Test
    void signatureDate() {
        String body = "关于2025年法治政府建设情况的报告\n一、主要举措和成效\n正文。\n2025年3月1日召开会议。\n四、2026年工作打算\n正文。\n";
        assertEquals(LocalDate.of(2026, 1, 20), parse(body + "某某街道办事处\n2026年1月20日\n").getSignedOn());
        assertEquals(LocalDate.of(2026, 1, 20), parse(body + "二〇二六年一月二十日\n扫一扫在手机打开\n").getSignedOn());
        assertNull(parse(body).getSignedOn());
        // a date line inside an earlier part is no signature
        assertNull(parse("关于2025年法治政府建设情况的报告\n一、甲\n2025年3月1日\n二、乙\n正文。\n").getSignedOn());
    }

    @Test
    void units() {
        assertEquals("沙坪坝街道", UnitNames.unitOf("沙坪坝街道党工委、沙坪坝街道办事处"));
        assertEquals("关坝镇", UnitNames.unitOf("重庆市綦江区关坝镇人民政府"));
        assertEquals("海棠溪街道", UnitNames.unitOf("重庆市南岸区人民政府海棠溪街道办事处"));
        assertEquals("沙坪坝街道", UnitNames.unitOf("沙坪坝区沙坪坝街道"));
        assertEquals("沙坪坝区司法局", UnitNames.unitOf("重庆市沙坪坝区司法局"));
        assertEquals("人和街道", UnitNames.unitOf("重庆市南岸区人民政府人和街道办事处"), "和 inside a place name");
        assertEquals("和平镇", UnitNames.unitOf("和平镇党委和和平镇人民政府"), "和 joining two co-issuers");
        assertEquals("沙坪坝区", UnitNames.unitOf("重庆市沙坪坝区人民政府"));
        assertEquals("某某乡", UnitNames.unitOf("某某省某某市某某县某某乡人民政府"));
        assertNull(UnitNames.unitOf(null));
    }

    @Test
    void emptyText() {
        Report r = parse("");
        assertNull(r.getTitle());
        assertNull(r.getTitleSpan());
        assertNull(r.getYear());
        assertNull(r.getPublishedOn());
        assertTrue(r.getSections().isEmpty());
        assertTrue(r.getSentences().isEmpty());
    }
}
