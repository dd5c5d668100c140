package tijian.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import tijian.check.CheckService;
import tijian.db.EmbeddedDatabaseResource;
import tijian.security.Caller;
import tijian.security.Roles;
import tijian.testsupport.CopiedReports;
import tijian.testsupport.SampleReports;

/**
 * Other units' reports are compared with every check, but shown only to whom may read them: an inspector sees the
 * other unit's name and passage beside the copy; a unit's clerk learns how much of the draft stands in another
 * unit's report, and where in its own text, but not whose report or what else it says.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class CompanionsVisibilityTest {
    @Inject
    DataSource dataSource;
    @Inject
    CheckService checks;

    @Test
    @TestSecurity(user = "visibility-inspector", roles = Roles.INSPECTOR)
    void anInspectorSeesTheOtherUnitAndItsPassage() throws Exception {
        storeShapingba();
        Map<String, Object> copied = originality(checkPasted());
        assertNotEquals("PASS", copied.get("status"));
        assertTrue(((String) copied.get("message")).contains("沙坪坝街道"), (String) copied.get("message"));
        List<Map<String, Object>> beside = elsewhere(copied);
        assertFalse(beside.isEmpty());
        beside.forEach(e -> assertEquals("沙坪坝街道", e.get("label")));
        assertTrue(beside.stream().anyMatch(e -> SampleReports.text(SampleReports.SHAPINGBA).contains((String) e.get("quote"))));
    }

    @Test
    @TestSecurity(user = "visibility-clerk", roles = Roles.UNIT,
            attributes = @SecurityAttribute(key = "unit", value = "重庆市綦江区关坝镇人民政府"))
    void aUnitsClerkLearnsTheShareButNotWhoseReport() throws Exception {
        storeShapingba();
        Map<String, Object> copied = originality(checkPasted());
        assertNotEquals("PASS", copied.get("status"), "the copy is found for the clerk too");
        assertFalse(((String) copied.get("message")).contains("沙坪坝"), (String) copied.get("message"));
        List<Map<String, Object>> beside = elsewhere(copied);
        assertFalse(beside.isEmpty(), "the clerk's own copied passages are still shown");
        for (Map<String, Object> e : beside) {
            assertNull(e.get("checkId"));
            assertFalse(((String) e.get("quote")).contains("执法"), "the other unit's text is withheld: " + e.get("quote"));
        }
    }

    /** 沙坪坝街道's report, stored as an inspector's check so that it is in the corpus whoever checks next. */
    private void storeShapingba() throws Exception {
        // other tests store the samples under many unit names, which would make their sentences boilerplate
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from passage_band");
            s.executeUpdate("delete from passage_unit_band");
        }
        checks.check(SampleReports.text(SampleReports.SHAPINGBA).getBytes(StandardCharsets.UTF_8), "沙坪坝街道.txt",
                "text/plain", new Caller("visibility-author", Set.of(Roles.INSPECTOR), null));
    }

    private static JsonPath checkPasted() {
        return given().contentType("text/plain; charset=UTF-8").body(CopiedReports.guanbaWithPastedParagraphs())
                .post("/api/checks").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> originality(JsonPath check) {
        List<Map<String, Object>> items = check.getList("items");
        return items.stream().filter(i -> "originality.cross-unit".equals(i.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> elsewhere(Map<String, Object> item) {
        return ((List<Map<String, Object>>) item.get("evidence")).stream()
                .map(e -> (Map<String, Object>) e.get("elsewhere")).filter(e -> e != null).toList();
    }
}
