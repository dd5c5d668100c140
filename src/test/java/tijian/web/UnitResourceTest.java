package tijian.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import tijian.audit.AuditTestSupport;
import tijian.audit.ReportVariations;
import tijian.audit.ReportVariations.Variation;
import tijian.db.EmbeddedDatabaseResource;
import io.quarkus.test.security.TestSecurity;
import tijian.security.Roles;

/** Units recognised across two audits of different years, however their names are written. */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class UnitResourceTest {
    static final ReportVariations.Sample TOWN = new ReportVariations.Sample("guanba-town-2025.txt", "关坝镇", 2025);
    static final ReportVariations.Sample STREET = new ReportVariations.Sample("shapingba-street-2025.txt", "沙坪坝街道", 2025);

    static String audit(String name, Variation... files) {
        var request = given();
        for (Variation v : files) {
            request = request.multiPart("file", v.path(), v.bytes(), "text/plain");
        }
        String id = request.when().post("/api/audits").then().statusCode(202).extract().path("id");
        JsonPath audit = AuditTestSupport.awaitFinished(id, 60_000);
        assertEquals(files.length, audit.getInt("done"));
        return id;
    }

    @Test
    void historyAcrossAuditsAndYears() {
        // 2023: names written in full; 2024: short, or with other spacing
        String first = audit("2023", ReportVariations.make(TOWN, "青杠镇", 2, "plain", "重庆市綦江区青杠镇人民政府", "2023/青杠镇.txt"),
                ReportVariations.make(STREET, "来凤街道", 2, "drop-shortcomings", null, "2023/来凤街道.txt"));
        String second = audit("2024", ReportVariations.make(TOWN, "青杠镇", 1, "change-rate", "青杠镇人民政府", "2024/青杠镇.txt"),
                ReportVariations.make(STREET, "来凤街道", 1, "plain", "重庆市璧山区来凤街道办事处", "2024/来凤街道.txt"));

        List<Map<String, Object>> units = given().when().get("/api/units").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> town = units.stream().filter(u -> "青杠镇".equals(u.get("unit"))).findFirst().orElseThrow();
        assertEquals(List.of(2023, 2024), town.get("years"));
        assertEquals(2024, town.get("latestYear"));

        for (String unit : List.of("青杠镇", "来凤街道")) {
            JsonPath history = given().when().get("/api/units/{name}/history", "重庆市璧山区" + unit + ("青杠镇".equals(unit) ? "人民政府" : "办事处"))
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(unit, history.getString("unit"));
            assertEquals(List.of(2023, 2024), history.getList("years.year", Integer.class));
            assertEquals(List.of(first, second), history.getList("years.auditId", String.class));
            for (int i = 0; i < 2; i++) {
                String checkId = history.getString("years[" + i + "].checkId");
                JsonPath check = given().when().get("/api/checks/" + checkId).then().statusCode(200).extract().jsonPath();
                assertEquals(check.getDouble("score"), history.getDouble("years[" + i + "].score"), 1e-3);
                Map<String, String> items = history.getMap("years[" + i + "].items");
                List<Map<String, Object>> checked = check.getList("items");
                assertEquals(checked.size(), items.size());
                checked.forEach(it -> assertEquals(it.get("status"), items.get((String) it.get("id"))));
                String year = String.valueOf(2023 + i);
                checked.forEach(it -> assertEquals(it.get("status"),
                        history.getString("items.find { it.item == '" + it.get("id") + "' }.byYear.'" + year + "'")));
            }
        }
        given().when().get("/api/units/{name}/history", "无此单位").then().statusCode(404);
        assertTrue(given().when().get("/api/audits/" + first + "/results").then().extract().jsonPath()
                .getList("summary.units.unit").containsAll(List.of("青杠镇", "来凤街道")));
    }
}
