package tijian.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import tijian.refusal.Refusal;
import tijian.testsupport.SampleReports;

/** Profiles overlay the base rule book: a check with one differs from a national check exactly where the profile does. */
class ProfilesTest {

    private static Set<String> differing(RuleSet a, RuleSet b, String text) {
        Map<String, Status> x = TestRules.statuses(Checker.check(a.parser().parse(text), a));
        Map<String, Status> y = TestRules.statuses(Checker.check(b.parser().parse(text), b));
        Set<String> ids = new TreeSet<>(x.keySet());
        ids.addAll(y.keySet());
        ids.removeIf(id -> x.get(id) == y.get(id));
        return ids;
    }

    @Test
    void chongqingDiffersFromNationalOnlyInItsWordList() {
        RuleSet national = TestRules.rules().forProfile("national");
        RuleSet chongqing = TestRules.rules().forProfile("chongqing");
        assertSame(TestRules.rules(), national);
        assertEquals("chongqing", chongqing.profile());
        assertEquals(national.revision(), chongqing.revision(), "one revision names the base and its profiles");
        assertEquals(national.items().keySet(), chongqing.items().keySet());

        for (String sample : List.of(SampleReports.SHAPINGBA, SampleReports.GUANBA, SampleReports.HAITANGXI)) {
            assertEquals(Set.of(), differing(national, chongqing, SampleReports.text(sample)), sample);
        }
        // 海棠溪 names no digital-government work; written as Chongqing names its platform, only Chongqing sees it
        String withPlatform = SampleReports.text(SampleReports.HAITANGXI).replace("利用互联网+网格", "利用“渝快办”和网格");
        assertEquals(Set.of("coverage.digital-government"), differing(national, chongqing, withPlatform));
        assertEquals(Status.PASS, TestRules.statuses(Checker.check(chongqing.parser().parse(withPlatform), chongqing))
                .get("coverage.digital-government"));
    }

    @Test
    void anUnknownProfileIsRefused() {
        Refusal r = assertThrows(Refusal.class, () -> TestRules.rules().forProfile("atlantis"));
        assertEquals("unknown-profile", r.code());
        assertEquals(Refusal.Kind.BAD_INPUT, r.kind());
    }

    /** A profile with its own deadline, an extra item and its own examples, on the real base. */
    private static Map<String, String> withProfile(String settingsRows, String drl, String examples) {
        Map<String, String> files = new TreeMap<>(TestRules.files());
        files.put("profiles/early/data/settings.csv", "name,value,note\n" + settingsRows);
        if (drl != null) files.put("profiles/early/early.drl", drl);
        if (examples != null) files.put("profiles/early/early.examples.txt", examples);
        return files;
    }

    private static final String DEPARTMENT_ON_26_FEB = """
            重庆市沙坪坝区司法局关于2025年法治政府建设情况的报告
            一、主要举措和成效
            全年开展专题学习11次。

            重庆市沙坪坝区司法局
            2026年2月26日
            """;

    @Test
    void aProfileSettingReplacesTheBaseRowAndItsDrlAddsItems() throws RuleSetRejected {
        String drl = """
                package rules.early;
                import tijian.report.*;
                import tijian.rules.*;
                rule "local.opening: a year in the opening"
                    @item("local.opening") @title("开头写明年度") @category("local") @severity("advisory") @weight(1)
                    @advice("开头写明年度。") @basis("某市《年度报告工作办法》")
                when
                    Report(year == null)
                then
                    insert(Finding.warn(kcontext, "未写年度。"));
                end
                """;
        String examples = """
                === local.opening PASS
                某区司法局关于2025年法治政府建设情况的报告
                一、主要举措和成效
                全年开展专题学习11次。
                === local.opening WARN
                某区司法局法治政府建设情况的报告
                一、主要举措和成效
                全年开展专题学习11次。
                === meta.submission-deadline FAIL 2026年2月26日
                """ + DEPARTMENT_ON_26_FEB;
        RuleSet base = RuleSetCompiler.compile(withProfile(
                "submission-deadline.department,02-25,某市：部门2月15日前报送\n", drl, examples));
        RuleSet early = base.forProfile("early");
        assertEquals(Status.PASS, TestRules.statuses(Checker.check(base.parser().parse(DEPARTMENT_ON_26_FEB), base))
                .get("meta.submission-deadline"));
        assertEquals(Status.FAIL, TestRules.statuses(Checker.check(early.parser().parse(DEPARTMENT_ON_26_FEB), early))
                .get("meta.submission-deadline"));
        assertTrue(early.items().containsKey("local.opening"));
        assertTrue(!base.items().containsKey("local.opening"), "the base does not see a profile's items");
        // the item only the profile has counts as a difference too (absent on one side)
        assertEquals(Set.of("meta.submission-deadline", "local.opening"), differing(base, early, DEPARTMENT_ON_26_FEB));
        assertNotEquals(TestRules.rules().revision(), base.revision(), "a profile's files are part of the revision");
    }

    @Test
    void aFailingProfileExampleRejectsTheRevisionAndNamesTheProfile() {
        String wrong = "=== meta.submission-deadline PASS\n" + DEPARTMENT_ON_26_FEB;
        RuleSetRejected e = assertThrows(RuleSetRejected.class, () -> RuleSetCompiler.compile(withProfile(
                "submission-deadline.department,02-25,某市\n", null, wrong)));
        List<String> messages = new ArrayList<>();
        e.problems().forEach(p -> messages.add(p.file() + ":" + p.line() + " " + p.message()));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("early.examples.txt:1 profile early: example meta.submission-deadline")),
                messages.toString());
    }
}
