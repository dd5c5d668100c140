package tijian.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberingTest {

    @Test
    void chineseCounting() {
        String[] expected = {"一", "二", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一千零五"};
        int[] n = {1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1005};
        for (int i = 0; i < n.length; i++) assertEquals(expected[i], NumberFormats.format(n[i], "chineseCounting"), "n=" + n[i]);
        assertEquals("十二", NumberFormats.format(12, "chineseCountingThousand"));
    }

    @Test
    void otherFormats() {
        assertEquals("3", NumberFormats.format(3, "decimal"));
        assertEquals("03", NumberFormats.format(3, "decimalZero"));
        assertEquals("丙", NumberFormats.format(3, "ideographTraditional"));
        assertEquals("③", NumberFormats.format(3, "decimalEnclosedCircle"));
        assertEquals("⑶", NumberFormats.format(3, "decimalEnclosedParen"));
        assertEquals("叁", NumberFormats.format(3, "chineseLegalSimplified"));
        assertEquals("壹拾贰", NumberFormats.format(12, "chineseLegalSimplified"));
        assertEquals("iv", NumberFormats.format(4, "lowerRoman"));
        assertEquals("AA", NumberFormats.format(27, "upperLetter"));
        assertEquals("１２", NumberFormats.format(12, "decimalFullWidth"));
        assertEquals("", NumberFormats.format(1, "bullet"));
    }

    @Test
    void labelJoin() {
        assertEquals("一、主要举措", WordNumbering.join("一、", "主要举措"));
        assertEquals("（一）2025年", WordNumbering.join("（一）", "2025年"));
        assertEquals("(一)、部分干部", WordNumbering.join("(一)", "、部分干部"));
        assertEquals("1. 2025年工作", WordNumbering.join("1.", "2025年工作"));
        assertEquals("1.法治宣传", WordNumbering.join("1.", "法治宣传"));
    }
}
