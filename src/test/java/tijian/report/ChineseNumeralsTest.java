package tijian.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumeralsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "零, 0", "〇, 0", "一, 1", "两, 2", "二, 2", "九, 9", "十, 10", "十二, 12", "二十, 20", "二十五, 25",
            "一百, 100", "一百零五, 105", "一百一十, 110", "一百五, 150", "三千五百, 3500", "两千零二十六, 2026",
            "五万, 50000", "一万五, 15000", "十万, 100000", "一亿, 100000000", "一亿二千万, 120000000",
            "二〇二五, 2025", "5万, 50000", "3.5万, 35000", "1.2亿, 120000000", "46, 46", "99.39, 99.39",
            "２０, 20"})
    void parses(String s, double expected) {
        assertEquals(expected, ChineseNumerals.parse(s), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "万", "百", "亿", "千", "abc", "一是", "第一", "5万x", "1.2.3", "二五五两", "万一"})
    void rejectsNonNumerals(String s) {
        assertNull(ChineseNumerals.parse(s));
    }

    @org.junit.jupiter.api.Test
    void nullIsNull() {
        assertNull(ChineseNumerals.parse(null));
    }

    @ParameterizedTest(name = "{0}年{1}月{2}日 = {3}")
    @CsvSource({"2026, 1, 20, 2026-01-20", "二〇二六, 一, 二十, 2026-01-20", "二○二五, 十二, 三十一, 2025-12-31",
            "2024, 02, 29, 2024-02-29", "2025, 2, 29, ", "二〇二六, 十三, 一, ", "二〇二六, 一, 十十, "})
    void readsDates(String y, String m, String d, java.time.LocalDate expected) {
        assertEquals(expected, ChineseNumerals.date(y, m, d));
    }
}
