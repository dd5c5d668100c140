package tijian.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import tijian.db.EmbeddedDatabaseResource;
import tijian.security.Roles;
import tijian.testsupport.SampleReports;

/**
 * Last year's report of a unit checked and stored, then this year's: the continuity items use the stored one, and
 * every place evidence is shown (the answer, the Word file, the PDF) sets last year's passage beside this year's.
 */
@QuarkusTest
@TestSecurity(user = "continuity-inspector", roles = {Roles.INSPECTOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class ContinuityHttpTest {

    static String pair(String name) {
        try (InputStream in = ContinuityHttpTest.class.getResourceAsStream("/pairs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonPath check(String text) {
        return given().contentType("text/plain; charset=UTF-8").body(text).post("/api/checks")
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> item(JsonPath check, String id) {
        return check.<Map<String, Object>>getList("items").stream().filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> evidence(Map<String, Object> item) {
        return (List<Map<String, Object>>) item.get("evidence");
    }

    @Test
    void thisYearsCheckComparesWithLastYearsStoredReport() throws IOException {
        // the same unit written as last year's report wrote it, and with its full name: one unit key
        JsonPath last = check(SampleReports.text(SampleReports.GUANBA));
        assertEquals("NOT_APPLICABLE", item(last, "continuity.targets-met").get("status"), "no 2024 report of 关坝镇 is stored");
        assertEquals("NOT_APPLICABLE", item(last, "continuity.repeated-shortcomings").get("status"));
        String lastId = last.getString("id");

        JsonPath now = check(pair("guanba-town-2026-repeats.txt"));
        String text = now.getString("report.text");

        Map<String, Object> targets = item(now, "continuity.targets-met");
        assertEquals("FAIL", targets.get("status"), String.valueOf(targets.get("message")));
        assertTrue(((String) targets.get("message")).contains("特殊群体普法覆盖率达100%以上"), (String) targets.get("message"));
        Map<String, Object> missed = evidence(targets).stream()
                .filter(e -> "特殊群体普法覆盖率95%".equals(e.get("quote"))).findFirst().orElseThrow();
        Map<?, ?> beside = (Map<?, ?>) missed.get("elsewhere");
        assertEquals(lastId, beside.get("checkId"), "last year's quote names the stored check it comes from");
        assertEquals("2025年报告", beside.get("label"));
        assertTrue(((String) beside.get("quote")).contains("特殊群体普法覆盖率达100%以上"));
        assertEquals(text.substring((Integer) missed.get("start"), (Integer) missed.get("end")), missed.get("quote"));
        String message = (String) targets.get("message");
        assertTrue(message.contains("已完成“开展业务轮训5次”（今年“开展业务轮训6次”）"), "met targets are listed beside the missed one: " + message);
        assertTrue(message.contains("未见2025年报告目标“数字执法应用率达100%”今年的完成情况"), message);
        Map<String, Object> unreported = evidence(targets).stream()
                .filter(e -> ((String) ((Map<?, ?>) e.get("elsewhere")).get("quote")).contains("数字执法应用率达100%")).findFirst().orElseThrow();
        assertEquals(-1, unreported.get("start"), "a target this report never mentions points at nothing here");
        assertEquals("", unreported.get("quote"));

        Map<String, Object> repeated = item(now, "continuity.repeated-shortcomings");
        assertEquals("WARN", repeated.get("status"));
        List<String> lastYears = evidence(repeated).stream().map(e -> (String) ((Map<?, ?>) e.get("elsewhere")).get("quote")).toList();
        assertTrue(lastYears.stream().anyMatch(q -> q.contains("部分干部法治能力有待提升")), lastYears.toString());
        assertTrue(lastYears.stream().anyMatch(q -> q.contains("大水漫灌")), lastYears.toString());
        for (Map<String, Object> e : evidence(repeated)) {
            assertTrue((Integer) e.get("start") >= 0, "a repeated sentence is in this report too");
        }

        // the page asks whether the viewer may open last year's check before it links to it
        given().head("/api/checks/" + lastId).then().statusCode(200);

        // the PDF and the Word file show the comparisons too; no Word comment is anchored at a passage this report lacks
        given().get("/api/checks/" + now.getString("id") + "/report.pdf").then().statusCode(200);
        byte[] docx = given().get("/api/checks/" + now.getString("id") + "/annotated.docx").then().statusCode(200).extract().asByteArray();
        long inText = now.<Map<String, Object>>getList("items").stream()
                .filter(i -> List.of("FAIL", "WARN").contains(i.get("status")))
                .flatMap(i -> evidence(i).stream()).filter(e -> (Integer) e.get("start") >= 0).count();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<XWPFComment> comments = doc.getDocComments().getComments();
            assertEquals(inText + 1, comments.size(), "a summary and one comment per passage of this report");
            String all = comments.stream().map(XWPFComment::getText).reduce("", String::concat);
            assertTrue(all.contains("2025年报告：“"), "last year's passages are told in the comments");
            assertTrue(all.contains("数字执法应用率达100%"), "a target this report never mentions is told too");
        }
    }

    @Test
    void aCheckNamesNoUnitOrYearHasNothingToCompare() {
        JsonPath c = check("普法宣传针对性不强。");
        assertNotNull(c.getString("id"));
        assertEquals("NOT_APPLICABLE", item(c, "continuity.targets-met").get("status"));
    }
}
