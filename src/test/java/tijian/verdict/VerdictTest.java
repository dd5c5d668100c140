package tijian.verdict;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import tijian.audit.AuditTestSupport;
import tijian.db.EmbeddedDatabaseResource;
import tijian.rules.ChecklistItem;
import tijian.security.Roles;
import tijian.testsupport.SampleReports;

/** An inspector's verdict on a finding: stored with who, when and why, kept across re-runs, counted for rule authors. */
@QuarkusTest
@TestSecurity(user = "inspector-v", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class VerdictTest {

    static JsonPath check(String text) {
        return given().contentType("text/plain; charset=UTF-8").body(text).post("/api/checks").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The first failed or questionable item of a check that quotes a passage. */
    static String questionable(JsonPath check) {
        return check.<Map<String, Object>>getList("items").stream()
                .filter(i -> List.of("FAIL", "WARN").contains(i.get("status")) && !((List<?>) i.get("evidence")).isEmpty())
                .map(i -> (String) i.get("id")).findFirst().orElseThrow();
    }

    @Test
    void aVerdictIsStoredShownAgainOnARerunAndCountedForRuleAuthors() {
        String text = SampleReports.text(SampleReports.GUANBA);
        JsonPath first = check(text);
        String item = questionable(first);
        String reason = "报告第" + System.nanoTime() + "段已写明，规则没有认出";
        JsonPath given = given().contentType("application/json").body(Map.of("verdict", "wrong", "reason", reason))
                .put("/api/checks/" + first.getString("id") + "/verdicts/" + item).then().statusCode(200).extract().jsonPath();
        assertEquals("inspector-v", given.getString("by"));
        assertEquals(reason, given.getString("reason"));

        JsonPath shown = given().get("/api/checks/" + first.getString("id") + "/verdicts").then().statusCode(200).extract().jsonPath();
        assertEquals("wrong", shown.getString("'" + item + "'.verdict"));

        // the same report checked again, as .html this time: a new check, the same findings, the verdict still there
        String html = "<html><body>" + String.join("", text.lines().map(l -> "<p>" + l + "</p>").toList()) + "</body></html>";
        JsonPath again = given().contentType("text/html; charset=UTF-8").body(html.getBytes(StandardCharsets.UTF_8))
                .post("/api/checks").then().statusCode(200).extract().jsonPath();
        assertNotEquals(first.getString("id"), again.getString("id"));
        JsonPath kept = given().get("/api/checks/" + again.getString("id") + "/verdicts").then().statusCode(200).extract().jsonPath();
        assertEquals(reason, kept.getString("'" + item + "'.reason"), "the verdict survives a re-run of the same report");
        assertEquals(first.getString("id"), kept.getString("'" + item + "'.givenOnCheck"));

        // another report: its findings are its own
        JsonPath other = check(SampleReports.text(SampleReports.SHAPINGBA));
        given().get("/api/checks/" + other.getString("id") + "/verdicts").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));

        // accepting replaces the earlier verdict on the same finding
        given().contentType("application/json").body(Map.of("verdict", "accepted"))
                .put("/api/checks/" + again.getString("id") + "/verdicts/" + item).then().statusCode(200);
        assertEquals("accepted", given().get("/api/checks/" + first.getString("id") + "/verdicts").then().statusCode(200)
                .extract().jsonPath().getString("'" + item + "'.verdict"));
        given().contentType("application/json").body(Map.of("verdict", "wrong", "reason", reason))
                .put("/api/checks/" + first.getString("id") + "/verdicts/" + item).then().statusCode(200);

        JsonPath rule = given().get("/api/rules/" + item).then().statusCode(200).extract().jsonPath();
        assertTrue(rule.getInt("verdicts.wrong") >= 1, rule.prettify());
        assertTrue(rule.getList("verdicts.reasons.reason").contains(reason), "the reason reaches the rule authors");
    }

    @Test
    void aWrongVerdictNeedsAReasonAndAnItemOfTheCheck() {
        JsonPath c = check(SampleReports.text(SampleReports.HAITANGXI));
        String url = "/api/checks/" + c.getString("id") + "/verdicts/";
        given().contentType("application/json").body(Map.of("verdict", "wrong")).put(url + questionable(c))
                .then().statusCode(400).body("code", org.hamcrest.Matchers.is("reason-required"));
        given().contentType("application/json").body(Map.of("verdict", "maybe")).put(url + questionable(c))
                .then().statusCode(400).body("code", org.hamcrest.Matchers.is("bad-verdict"));
        given().contentType("application/json").body(Map.of("verdict", "accepted")).put(url + "no.such-item")
                .then().statusCode(404);
        given().contentType("application/json").body(Map.of("verdict", "accepted"))
                .put("/api/checks/00000000-0000-0000-0000-000000000000/verdicts/meta.title").then().statusCode(404);
    }

    @Test
    void anAuditShowsTheVerdictsOnItsReports() {
        String text = SampleReports.text(SampleReports.SHAPINGBA) + "\n（审核用副本 " + System.nanoTime() + "）";
        String audit = given().multiPart("file", "沙坪坝.txt", text.getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/audits").then().statusCode(202).extract().path("id");
        AuditTestSupport.awaitFinished(audit, 120_000);
        String checkId = given().get("/api/audits/" + audit + "/results").then().statusCode(200).extract().jsonPath()
                .getString("rows[0].checkId");
        JsonPath check = given().get("/api/checks/" + checkId).then().statusCode(200).extract().jsonPath();
        String item = questionable(check);
        given().contentType("application/json").body(Map.of("verdict", "accepted"))
                .put("/api/checks/" + checkId + "/verdicts/" + item).then().statusCode(200);
        JsonPath verdicts = given().get("/api/audits/" + audit + "/verdicts").then().statusCode(200).extract().jsonPath();
        assertEquals("accepted", verdicts.getString("'" + checkId + "'.'" + item + "'.verdict"));
    }

    /** A finding is what it says and quotes, not where: moved passages keep it, another message or quote does not. */
    @Test
    void aFindingIsKnownByItemStatusMessageAndQuotesNotOffsets() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String a = Verdicts.key(json.readValue("""
                {"id":"x","status":"WARN","message":"m","evidence":[{"start":1,"end":3,"quote":"甲"},{"start":9,"end":12,"quote":"乙"}]}""", ChecklistItem.class));
        String moved = Verdicts.key(json.readValue("""
                {"id":"x","status":"WARN","message":"m","evidence":[{"start":40,"end":43,"quote":"乙"},{"start":31,"end":33,"quote":"甲"}]}""", ChecklistItem.class));
        String said = Verdicts.key(json.readValue("""
                {"id":"x","status":"WARN","message":"n","evidence":[{"start":1,"end":3,"quote":"甲"},{"start":9,"end":12,"quote":"乙"}]}""", ChecklistItem.class));
        String quoted = Verdicts.key(json.readValue("""
                {"id":"x","status":"WARN","message":"m","evidence":[{"start":1,"end":3,"quote":"甲"},{"start":9,"end":12,"quote":"丙"}]}""", ChecklistItem.class));
        String failed = Verdicts.key(json.readValue("""
                {"id":"x","status":"FAIL","message":"m","evidence":[{"start":1,"end":3,"quote":"甲"},{"start":9,"end":12,"quote":"乙"}]}""", ChecklistItem.class));
        assertEquals(a, moved);
        assertNotEquals(a, said);
        assertNotEquals(a, quoted);
        assertNotEquals(a, failed);
    }

    /**
     * A finding that sets last year's passage beside this report's is known by both quotes and the other report's
     * label, not by the other check's id (re-running last year's check gives it another); a passage only the other
     * report has (start -1) keys as stably as any other.
     */
    @Test
    void aFindingWithAnotherReportsPassageIsKnownByBothQuotes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String a = Verdicts.key(json.readValue("""
                {"id":"x","status":"WARN","message":"m","evidence":[{"start":-1,"end":-1,"quote":"","elsewhere":{"checkId":"c1","label":"2025年报告","quote":"甲"}}]}""", ChecklistItem.class));
        String rerun = Verdicts.key(json.readValue("""
                {"id":"x","status":"WARN","message":"m","evidence":[{"start":-1,"end":-1,"quote":"","elsewhere":{"checkId":"c2","label":"2025年报告","quote":"甲"}}]}""", ChecklistItem.class));
        String otherTarget = Verdicts.key(json.readValue("""
                {"id":"x","status":"WARN","message":"m","evidence":[{"start":-1,"end":-1,"quote":"","elsewhere":{"checkId":"c1","label":"2025年报告","quote":"乙"}}]}""", ChecklistItem.class));
        String plain = Verdicts.key(json.readValue("""
                {"id":"x","status":"WARN","message":"m","evidence":[{"start":-1,"end":-1,"quote":""}]}""", ChecklistItem.class));
        assertEquals(a, rerun);
        assertNotEquals(a, otherTarget);
        assertNotEquals(a, plain);
    }
}
