package tijian.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The facts rule book v2 reads: who reports, the signature at the end, personal numbers in the text. */
class ReporterDataTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "沙坪坝街道党工委、沙坪坝街道办事处, PARTY_AND_GOVERNMENT",
            "中共郎溪县委 郎溪县人民政府, PARTY_AND_GOVERNMENT",
            "重庆市綦江区关坝镇人民政府, TOWNSHIP",
            "重庆市南岸区人民政府海棠溪街道办事处, TOWNSHIP",
            "重庆市沙坪坝区人民政府, GOVERNMENT",
            "四川省人民政府, GOVERNMENT",
            "重庆市沙坪坝区司法局, DEPARTMENT",
            "重庆市发展和改革委员会, DEPARTMENT",
            "沙坪坝区住房城乡建委, DEPARTMENT",
            "沙坪坝区人民政府办公室, DEPARTMENT",
            "某某网站, UNKNOWN",
    })
    void kindFromIssuer(String issuer, ReporterKind kind) {
        assertEquals(kind, ReporterKind.of(issuer, null));
    }

    @Test
    void kindFromTitleWhenNoIssuer() {
        assertEquals(ReporterKind.DEPARTMENT, ReporterKind.of(null, "重庆市沙坪坝区司法局关于2025年法治政府建设情况的报告"));
        assertEquals(ReporterKind.UNKNOWN, ReporterKind.of(null, "关于2025年法治政府建设情况的报告"));
        assertEquals("department", ReporterKind.DEPARTMENT.getDeadlineGroup());
        assertEquals("government", ReporterKind.TOWNSHIP.getDeadlineGroup());
    }

    private static List<String> found(String text) {
        return PersonalData.find(text).stream().map(p -> p.getKind() + " " + p.getMasked()).toList();
    }

    @Test
    void personalNumbersAreFoundAndMasked() {
        assertEquals(List.of("ID_NUMBER 1101**********002X"), found("身份证号11010519491231002X。"));
        assertEquals(List.of("ID_NUMBER 1305*******1001"), found("旧身份证130503670401001。"));
        assertEquals(List.of("MOBILE 138****5678", "MOBILE 139****4321"), found("电话13812345678、139 8765 4321"));
        assertEquals(List.of("BANK_CARD 6222********7894"), found("账号6222-0212-3456-7894"));
    }

    @Test
    void noFalseAlarms() {
        assertEquals(List.of(), found("沙府办发202546号；沙府办发〔2025〕46号；12345政务服务热线；举报电话023-12345、023-63221234"));
        assertEquals(List.of(), found("2026年1月28日发布，20260128，渝公网安备 50010602500861号，网站标识码5001060020"));
        assertEquals(List.of(), found("身份证号110105194912310021（校验码不符）；编号20260128001；统一社会信用代码11500106MB1234567X"));
    }

    private static Signature signature(String text) {
        List<Section> sections = new HeadingParser(List.of()).parse(text);
        return Signature.find(text, sections, 0);
    }

    @Test
    void signatureAtTheEnd() {
        Signature s = signature("关于2025年法治政府建设情况的报告\n一、主要举措和成效\n开展学习11次。\n\n沙坪坝街道办事处\n2026年1月20日\n");
        assertEquals(LocalDate.of(2026, 1, 20), s.getDate());
        assertNull(s.getFormDefect());
        assertEquals("chinese-numerals", signature("一、主要举措\n学习。\n沙坪坝街道办事处\n二〇二六年一月二十日").getFormDefect());
        assertEquals("leading-zero", signature("一、主要举措\n学习。\n沙坪坝街道办事处\n2026年01月20日").getFormDefect());
        assertEquals("not-year-month-day", signature("一、主要举措\n学习。\n2026-01-20").getFormDefect());
        assertNull(signature("一、主要举措\n学习。\n2026-01-20").getSigner());
        assertNull(signature("一、主要举措\n2026年1月20日，召开会议。"));
    }
}
