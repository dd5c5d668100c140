package tijian.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import tijian.audit.AuditTestSupport;
import tijian.audit.ReportVariations;
import tijian.db.EmbeddedDatabaseResource;
import tijian.rulebook.RuleBook;
import io.quarkus.test.security.TestSecurity;
import tijian.security.Roles;

/** A re-run with changed rules: a new audit linked to the old one, and what changed per report. */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class AuditRerunTest {
    static final String PROBE = """
            package auditprobe;
            import tijian.report.*;
            import tijian.rules.*;

            rule "audit.rerun-probe"
                @item("audit.rerun-probe") @title("重新体检探针") @category("audit") @severity("mandatory") @weight(5) @advice("仅供测试") @basis("测试用依据")
            when
                Report()
            then
                insert(Finding.fail(kcontext, "探针：规则已变"));
            end
            """;

    @Inject
    RuleBook ruleBook;

    @Test
    void rerunWithChangedRulesReportsWhatChanged() {
        var request = given();
        for (int i = 600; i < 604; i++) {
            ReportVariations.Variation v = ReportVariations.variation(i);
            request = request.multiPart("file", v.path(), v.bytes(), "text/plain");
        }
        ReportVariations.Variation copy = ReportVariations.variation(600);
        request = request.multiPart("file", "副本.txt", copy.bytes(), "text/plain");
        String before = request.when().post("/api/audits").then().statusCode(202).extract().path("id");
        AuditTestSupport.awaitFinished(before, 60_000);

        Map<String, String> original = new TreeMap<>(ruleBook.active().files());
        Map<String, String> changed = new TreeMap<>(original);
        changed.put("audit-probe.drl", PROBE);
        assertTrue(ruleBook.offer(changed, "test").isEmpty(), () -> "probe rules rejected: " + ruleBook.lastRejection());
        String after;
        try {
            after = given().when().post("/api/audits/" + before + "/rerun").then().statusCode(202).extract().path("id");
            JsonPath audit = AuditTestSupport.awaitFinished(after, 60_000);
            assertEquals(before, audit.getString("rerunOf"));
            assertEquals(5, audit.getInt("total"));
            assertEquals(4, audit.getInt("done"));
            assertEquals(1, audit.getInt("duplicates"));
        } finally {
            assertTrue(ruleBook.offer(original, "test").isEmpty());
        }
        assertNotEquals(before, after);

        JsonPath changes = given().when().get("/api/audits/" + after + "/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(before, changes.getString("rerunOf"));
        assertNotEquals(changes.getString("revisionBefore"), changes.getString("revisionAfter"));
        List<Map<String, Object>> reports = changes.getList("reports");
        assertEquals(5, reports.size());
        int checked = 0;
        for (Map<String, Object> r : reports) {
            if (!"done".equals(r.get("stateAfter"))) {
                assertEquals("duplicate", r.get("stateAfter"));
                continue;
            }
            checked++;
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) r.get("items");
            // originality.cross-unit compares a report with the reports stored before it: in the first audit the
            // first-checked of two variants of one sample met nothing, in the re-run it meets the other. That change
            // comes from the corpus, not the rules, and can only find more (PASS before, something else after).
            items.stream().filter(i -> "originality.cross-unit".equals(i.get("item")))
                    .forEach(i -> assertEquals("PASS", i.get("before"), "originality only finds more on a re-run: " + i));
            assertEquals(List.of(Map.of("item", "audit.rerun-probe", "after", "FAIL")),
                    items.stream().filter(i -> !"originality.cross-unit".equals(i.get("item")))
                            .map(i -> { var m = new TreeMap<>(i); m.values().removeIf(v -> v == null); return (Map<String, Object>) m; }).toList());
            JsonPath was = given().when().get("/api/checks/" + r.get("checkBefore")).then().extract().jsonPath();
            JsonPath now = given().when().get("/api/checks/" + r.get("checkAfter")).then().extract().jsonPath();
            assertEquals(was.getDouble("score"), ((Number) r.get("scoreBefore")).doubleValue(), 1e-3);
            assertEquals(now.getDouble("score"), ((Number) r.get("scoreAfter")).doubleValue(), 1e-3);
            assertTrue(((Number) r.get("scoreAfter")).doubleValue() < ((Number) r.get("scoreBefore")).doubleValue()
                    || ((Number) r.get("scoreBefore")).doubleValue() == 0);
        }
        assertEquals(4, checked);
        assertEquals(4, changes.getInt("changedReports"));
        given().when().get("/api/audits/" + before + "/changes").then().statusCode(409);
    }
}
