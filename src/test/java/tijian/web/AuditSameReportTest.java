package tijian.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import tijian.audit.AuditTestSupport;
import tijian.db.EmbeddedDatabaseResource;
import tijian.security.Roles;
import tijian.testsupport.SampleReports;

/** One report saved as .txt and as a web page is one report in an audit: ranked once, the other copy a duplicate. */
@QuarkusTest
@TestSecurity(user = "tester", roles = Roles.INSPECTOR)
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class AuditSameReportTest {
    /** The report as a web page: every line a paragraph, full-width spaces where the text file has none. */
    static String asWebPage(String text) {
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"UTF-8\"><title>报告</title></head><body><div class=\"article\">");
        for (String line : text.split("\n")) {
            html.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        return html.append("</div></body></html>").toString();
    }

    @Test
    void theSameReportInTwoFormatsIsRankedOnce() {
        String guanba = SampleReports.text(SampleReports.GUANBA);
        String id = given()
                .multiPart("file", "关坝镇.txt", guanba.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "关坝镇.html", asWebPage(guanba).getBytes(StandardCharsets.UTF_8), "text/html")
                .multiPart("file", "沙坪坝街道.txt", SampleReports.text(SampleReports.SHAPINGBA).getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/audits").then().statusCode(202).body("duplicates", equalTo(0)).extract().path("id");
        JsonPath audit = AuditTestSupport.awaitFinished(id, 120_000);
        assertEquals(3, audit.getInt("total"));
        assertEquals(2, audit.getInt("done"), audit.prettify());
        assertEquals(1, audit.getInt("duplicates"), audit.prettify());
        List<String> ranked = given().get("/api/audits/" + id + "/results").then().statusCode(200)
                .extract().jsonPath().getList("summary.units.unit", String.class);
        assertEquals(2, ranked.size(), "each unit once: " + ranked);
    }
}
