package tijian.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import tijian.db.EmbeddedDatabaseResource;
import io.quarkus.test.security.TestSecurity;
import tijian.security.Roles;
import tijian.testsupport.SampleReports;

@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class CheckResourceTest {
    static final List<String> ORDER = List.of("FAIL", "WARN", "NOT_APPLICABLE", "PASS");

    @Test
    void checksASampleReportWithEvidenceThatQuotesTheText() {
        JsonPath check = given().contentType("text/plain; charset=UTF-8").body(SampleReports.text("shapingba-street-2025.txt"))
                .when().post("/api/checks")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("ruleSet.revision", notNullValue())
                .body("report.unit", equalTo("沙坪坝街道"))
                .body("report.year", equalTo(2025))
                .body("report.publishedOn", equalTo("2026-01-28"))
                .body("report.sections.size()", greaterThan(4))
                .body("items.id", hasItem("disclosure.head-appearance-rate"))
                .extract().jsonPath();

        String text = check.getString("report.text");
        List<Map<String, Object>> items = check.getList("items");
        int catalogue = given().get("/api/rules").jsonPath().getList("items").size();
        assertEquals(catalogue, items.size(), "every item of the catalogue appears in every checklist");
        int evidenceSeen = 0;
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            if (i > 0) {
                assertTrue(ORDER.indexOf(items.get(i - 1).get("status")) <= ORDER.indexOf(item.get("status")), "failures first");
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> evidence = (List<Map<String, Object>>) item.get("evidence");
            for (Map<String, Object> e : evidence) {
                int start = (Integer) e.get("start");
                int end = (Integer) e.get("end");
                assertEquals(text.substring(start, end), e.get("quote"), item.get("id") + " evidence");
                evidenceSeen++;
            }
        }
        assertTrue(evidenceSeen > 5, "the checklist shows where it looked");
        Map<String, Integer> counts = check.getMap("counts");
        assertEquals(items.size(), counts.values().stream().mapToInt(Integer::intValue).sum());
        double score = check.getDouble("score");
        assertTrue(score > 0 && score <= 100, "score " + score);
    }

    @Test
    void aStoredCheckReadsBackTheSame() throws IOException {
        String posted = given().contentType("text/plain; charset=UTF-8").body(SampleReports.text("guanba-town-2025.txt"))
                .post("/api/checks").then().statusCode(200).extract().asString();
        JsonNode first = new ObjectMapper().readTree(posted);
        String stored = given().get("/api/checks/" + first.get("id").asText())
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        assertEquals(first, new ObjectMapper().readTree(stored));
    }

    @Test
    void acceptsAFileUpload() {
        given().multiPart("file", "haitangxi.txt", SampleReports.text("haitangxi-street-2023.txt").getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/api/checks")
                .then().statusCode(200)
                .body("source.fileName", equalTo("haitangxi.txt"))
                .body("report.year", equalTo(2023))
                .body("items.find { it.id == 'disclosure.head-appearance-rate' }.status", equalTo("FAIL"));
    }

    @Test
    void refusesEmptyInputAndUnknownIds() {
        given().contentType("text/plain").body("").post("/api/checks")
                .then().statusCode(400).body("code", equalTo("empty")).body("message", notNullValue());
        given().get("/api/checks/00000000-0000-0000-0000-000000000000").then().statusCode(404).body("code", equalTo("not-found"));
        given().get("/api/checks/not-a-uuid").then().statusCode(404);
    }

    @Test
    void rulesListTheCatalogue() {
        JsonPath rules = given().get("/api/rules").then().statusCode(200).extract().jsonPath();
        List<String> ids = rules.getList("items.id");
        for (String id : List.of("structure.measures-results", "structure.shortcomings", "structure.causes",
                "structure.first-responsible", "structure.next-year-plan", "structure.other-matters",
                "structure.heading-numbering", "disclosure.head-appearance-rate", "disclosure.case-counts",
                "plan.target-year", "plan.quantified-targets", "consistency.report-year", "consistency.stated-rates",
                "consistency.percent-range", "consistency.breakdown-sum", "citation.canonical-titles",
                "format.document-number", "format.paired-punctuation", "meta.title", "meta.publication-deadline")) {
            assertTrue(ids.contains(id), "catalogue item " + id);
        }
        assertTrue(ids.stream().anyMatch(i -> i.startsWith("coverage.")));
        assertFalse(rules.getString("revision").isEmpty());
        given().get("/api/rules/disclosure.head-appearance-rate").then().statusCode(200)
                .body("item.severity", equalTo("MANDATORY"))
                .body("rules.size()", greaterThan(0))
                .body("examples.size()", greaterThan(1));
        given().get("/api/rules/no.such-item").then().statusCode(404);
    }

    @Test
    void anUploadedRuleFileThatDoesNotCompileIsRefusedAndNeverWritten() {
        given().contentType("text/plain").body("rule \"x\" when then end end").put("/api/rules/files/x.drl")
                .then().statusCode(422).body("valid", equalTo(false)).body("errors[0].file", equalTo("x.drl"));
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("rules", "x.drl")));
    }

    @Test
    void healthAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("rule-set"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", notNullValue());
    }

    @Test
    void aCheckNamesItsProfileAndStoresIt() {
        String text = SampleReports.text("haitangxi-street-2023.txt").replace("利用互联网+网格", "利用“渝快办”和网格");
        JsonPath national = given().contentType("text/plain; charset=UTF-8").body(text)
                .when().post("/api/checks").then().statusCode(200)
                .body("ruleSet.profile", equalTo("national")).extract().jsonPath();
        JsonPath chongqing = given().contentType("text/plain; charset=UTF-8").body(text)
                .when().post("/api/checks?profile=chongqing").then().statusCode(200)
                .body("ruleSet.profile", equalTo("chongqing"))
                .body("ruleSet.revision", equalTo(national.getString("ruleSet.revision")))
                .body("report.reporterKind", equalTo("街道办事处/乡镇"))
                .extract().jsonPath();
        assertEquals("WARN", national.getString("items.find { it.id == 'coverage.digital-government' }.status"));
        assertEquals("PASS", chongqing.getString("items.find { it.id == 'coverage.digital-government' }.status"));
        given().get("/api/checks/" + chongqing.getString("id")).then().statusCode(200).body("ruleSet.profile", equalTo("chongqing"));
        given().multiPart("file", "r.txt", text.getBytes(StandardCharsets.UTF_8), "text/plain").multiPart("profile", "chongqing")
                .when().post("/api/checks").then().statusCode(200).body("ruleSet.profile", equalTo("chongqing"));
        given().contentType("text/plain; charset=UTF-8").body(text).when().post("/api/checks?profile=atlantis")
                .then().statusCode(400).body("code", equalTo("unknown-profile"));
        given().get("/api/rules/profiles").then().statusCode(200)
                .body("profiles", equalTo(List.of("national", "chongqing"))).body("defaultProfile", equalTo("national"));
    }

    @Test
    void everyItemCarriesItsLegalBasis() {
        JsonPath check = given().contentType("text/plain; charset=UTF-8").body(SampleReports.text("guanba-town-2025.txt"))
                .when().post("/api/checks").then().statusCode(200).extract().jsonPath();
        List<String> lacking = check.<Map<String, Object>>getList("items").stream()
                .filter(i -> i.get("basis") == null || i.get("basis").toString().isBlank()).map(i -> i.get("id").toString()).toList();
        assertEquals(List.of(), lacking, "items without a basis in a check");
        List<String> inCatalogue = given().get("/api/rules").jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(i -> i.get("basis") == null || i.get("basis").toString().isBlank()).map(i -> i.get("id").toString()).toList();
        assertEquals(List.of(), inCatalogue, "items without a basis in /api/rules");
    }
}
