package tijian.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitNamesTest {

    /** The keys the history had before the one normaliser must stay the same, or earlier audits are lost. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "重庆市綦江区关坝镇人民政府, 关坝镇", "关坝镇人民政府, 关坝镇", "关 坝 镇, 关坝镇", "关坝镇, 关坝镇",
            "沙坪坝街道党工委、沙坪坝街道办事处, 沙坪坝街道", "重庆市南岸区人民政府海棠溪街道办事处, 海棠溪街道",
            "重庆市沙坪坝区司法局, 司法局", "沙坪坝区司法局, 司法局", "重庆沙坪坝区司法局, 司法局",
            "渝中区人民政府, 渝中区", "重庆市渝中区人民政府, 渝中区", "万盛经济技术开发区关坝镇, 关坝镇",
            "中共浚县县委, 浚县", "中共浚县县委 浚县人民政府, 浚县", "浚县人民政府, 浚县",
            "江苏省司法厅, 江苏省司法厅", "郑州市教育局, 郑州市教育局", "某某区发展和改革委员会, 发展和改革",
            "（人和街道）, 人和街道", "ＡＢ街道, AB街道", "渝州路街道, 渝州路街道", "重庆市江津区渝州路街道办事处, 渝州路街道",
            "红旗路街道, 红旗路街道", "某某自治州某某县某某镇, 某某镇"})
    void keys(String name, String key) {
        assertEquals(key, UnitNames.normalise(name));
    }

    @Test
    void blankIsNoUnit() {
        assertNull(UnitNames.normalise(null));
        assertNull(UnitNames.normalise(" \u3000"));
        assertEquals(List.of(), UnitNames.keys(null));
    }

    /** Departments of a province or municipality keep the short key they had before, for their history. */
    @Test
    void formerShortKeys() {
        assertEquals(List.of("江苏省司法厅", "司法厅"), UnitNames.keys("江苏省司法厅"));
        assertEquals(List.of("上海市司法局", "司法局"), UnitNames.keys("上海市司法局"));
        assertEquals(List.of("广东省市场监督管理局", "市场监督管理局"), UnitNames.keys("广东省市场监督管理局"));
        assertEquals(List.of("上海市"), UnitNames.keys("上海市人民政府"));
        assertEquals(List.of("关坝镇"), UnitNames.keys("重庆市綦江区关坝镇人民政府"));
        assertEquals(List.of("郑州市教育局"), UnitNames.keys("郑州市教育局"));
        assertEquals(List.of("石景山区"), UnitNames.keys("北京市石景山区人民政府"));
    }

    @Test
    void theParsersUnitAndTheKeyAgree() {
        for (String issuer : List.of("重庆市綦江区关坝镇人民政府", "江苏省司法厅", "中共浚县县委、浚县人民政府",
                "北京市石景山区人民政府", "某某省某某市某某县某某乡人民政府")) {
            assertEquals(UnitNames.normalise(issuer), UnitNames.normalise(UnitNames.unitOf(issuer)), issuer);
        }
    }
}
