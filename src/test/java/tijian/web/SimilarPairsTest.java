package tijian.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import tijian.audit.AuditTestSupport;
import tijian.db.EmbeddedDatabaseResource;
import tijian.security.Roles;
import tijian.testsupport.CopiedReports;
import tijian.testsupport.SampleReports;

/**
 * An audit where 关坝镇 pasted three paragraphs of 沙坪坝街道's report: the pair is found with the passages, and
 * reports that share only the usual political sentences, or nothing, are not paired.
 */
@QuarkusTest
@TestSecurity(user = "inspector", roles = Roles.INSPECTOR)
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class SimilarPairsTest {
    @Inject
    DataSource dataSource;

    @Test
    void thePastedParagraphsMakeThePairAndThePoliticalPhrasesDoNot() throws Exception {
        // Other tests store the samples under many unit names, which would rightly make their sentences boilerplate;
        // this test learns from its own audit only.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from passage_band");
            s.executeUpdate("delete from passage_unit_band");
        }
        var request = given()
                .multiPart("file", "沙坪坝街道.txt", bytes(SampleReports.text(SampleReports.SHAPINGBA)), "text/plain")
                .multiPart("file", "关坝镇.txt", bytes(CopiedReports.guanbaWithPastedParagraphs()), "text/plain")
                .multiPart("file", "海棠溪街道.txt", bytes(SampleReports.text(SampleReports.HAITANGXI)), "text/plain");
        for (String town : CopiedReports.TOWNS) {
            request = request.multiPart("file", town + "镇.txt", bytes(CopiedReports.honestReport(town)), "text/plain");
        }
        String id = request.post("/api/audits").then().statusCode(202).extract().path("id");
        AuditTestSupport.awaitFinished(id, 120_000);

        JsonPath pairs = given().get("/api/audits/" + id + "/similar-pairs").then().statusCode(200).extract().jsonPath();
        assertEquals(1, pairs.getList("$").size(), pairs.prettify());
        assertEquals("关坝镇", pairs.getString("[0].unit"));
        assertEquals("沙坪坝街道", pairs.getString("[0].otherUnit"));
        double share = pairs.getDouble("[0].share");
        assertTrue(share > 0.10 && share < 0.40, "share " + share);
        List<Map<String, Object>> passages = pairs.getList("[0].passages");
        String shapingba = SampleReports.text(SampleReports.SHAPINGBA);
        for (String paragraph : CopiedReports.pastedParagraphs()) {
            String sentence = paragraph.substring(paragraph.indexOf('。') + 1, paragraph.indexOf('。', paragraph.indexOf('。') + 1) + 1);
            assertTrue(passages.stream().anyMatch(p -> ((String) p.get("quote")).contains(sentence)
                    && ((String) p.get("otherQuote")).contains(sentence)), sentence + " not among " + passages);
        }
        passages.forEach(p -> assertTrue(shapingba.contains((String) p.get("otherQuote"))));

        // checked again, every report meets all the others in the index (and its own first check, which never
        // counts: same unit, same text): the copy is a finding of both checks, the others pass
        String rerun = given().post("/api/audits/" + id + "/rerun").then().statusCode(202).extract().path("id");
        AuditTestSupport.awaitFinished(rerun, 120_000);
        List<Map<String, Object>> rows = given().get("/api/audits/" + rerun + "/results").then().statusCode(200)
                .extract().jsonPath().getList("rows");
        for (Map<String, Object> row : rows) {
            JsonPath check = given().get("/api/checks/" + row.get("checkId")).then().statusCode(200).extract().jsonPath();
            String status = check.getString("items.find { it.id == 'originality.cross-unit' }.status");
            // the two reports share the passages; which of them copied is for the inspector to judge, so both are told
            String other = "关坝镇".equals(row.get("unit")) ? "沙坪坝街道" : "沙坪坝街道".equals(row.get("unit")) ? "关坝镇" : null;
            if (other != null) {
                assertEquals("WARN", status, check.getString("items.find { it.id == 'originality.cross-unit' }.message"));
                assertTrue(check.getString("items.find { it.id == 'originality.cross-unit' }.message").contains(other));
                List<Map<String, Object>> evidence = check.getList("items.find { it.id == 'originality.cross-unit' }.evidence");
                assertTrue(evidence.stream().allMatch(e -> e.get("elsewhere") != null
                        && !((String) ((Map<?, ?>) e.get("elsewhere")).get("quote")).isBlank()), evidence.toString());
            } else {
                assertEquals("PASS", status, row.get("unit") + ": "
                        + check.getString("items.find { it.id == 'originality.cross-unit' }.message"));
            }
        }
    }

    @Test
    @TestSecurity(user = "clerk", roles = Roles.UNIT)
    void aUnitsClerkDoesNotSeeThePairs() {
        given().get("/api/audits/00000000-0000-0000-0000-000000000000/similar-pairs").then().statusCode(403);
    }

    @Test
    void anUnknownAuditIsNotFound() {
        given().get("/api/audits/00000000-0000-0000-0000-000000000000/similar-pairs").then().statusCode(404);
        given().get("/api/audits/not-a-uuid/similar-pairs").then().statusCode(404);
    }

    private static byte[] bytes(String text) { return text.getBytes(StandardCharsets.UTF_8); }
}
