package tijian.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tijian.report.Fixtures;
import tijian.report.Report;

/** Issue 13, item 6: the "is this the full report?" notice is for texts with no report in them, not for chrome. */
class NoticesTest {
    private static final String REPORT = "江苏省司法厅关于2024年度法治政府建设情况的报告\n"
            + "一、主要举措和成效\n正文。\n二、存在的不足和原因\n正文。\n三、2025年工作打算\n正文。\n";

    private static Report parse(String text) {
        return Fixtures.parse(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Copyright © 2025 江苏省司法厅 版权所有\n", "苏ICP备05000000号\n", "【字体:大 中 小\n",
            "浏览次数：88\n首页 > 政务公开 > 法治政府建设\n"})
    void noNoticeWhenTheTitleIsPlainlyThere(String chrome) {
        assertEquals(List.of(), CheckService.notices(parse(chrome + REPORT), 0));
        String fontBelow = REPORT.replaceFirst("\n", "\n【字体：大 中 小\n");
        assertEquals(List.of(), CheckService.notices(parse(chrome + fontBelow), 0));
    }

    @Test
    void noticeWhenNoReportIsThere() {
        List<String> notices = CheckService.notices(parse("会议纪要\n今天开会讨论了食堂的菜单。\n"), 0);
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("full annual report"), notices.toString());
    }
}
