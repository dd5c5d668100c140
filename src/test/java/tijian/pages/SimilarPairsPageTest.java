package tijian.pages;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import tijian.db.EmbeddedDatabaseResource;
import tijian.security.Roles;
import tijian.testsupport.Await;
import tijian.testsupport.CopiedReports;
import tijian.testsupport.SampleReports;

/** The audit page's most similar pairs, as an inspector reads them: the two units and the passages side by side. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class SimilarPairsPageTest {
    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource dataSource;

    @Test
    void theAuditPageShowsThePairWithBothPassages() throws Exception {
        // other tests store the samples under many unit names, which would make their sentences boilerplate
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from passage_band");
            s.executeUpdate("delete from passage_unit_band");
        }
        String inspector = PagesBrowserTest.createUser(Roles.INSPECTOR, null);
        String id = given().auth().preemptive().basic(inspector, PagesBrowserTest.PASSWORD)
                .multiPart("file", "沙坪坝街道.txt", SampleReports.text(SampleReports.SHAPINGBA).getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "关坝镇.txt", CopiedReports.guanbaWithPastedParagraphs().getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "海棠溪街道.txt", SampleReports.text(SampleReports.HAITANGXI).getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/audits").then().statusCode(202).extract().path("id");
        Await.until("audit " + id + " to finish", Duration.ofSeconds(120),
                () -> given().auth().preemptive().basic(inspector, PagesBrowserTest.PASSWORD).get("/api/audits/" + id).asString(),
                json -> "finished".equals(JsonPath.from(json).getString("status")));
        String pasted = CopiedReports.pastedParagraphs().get(1);
        String sentence = pasted.substring(pasted.indexOf('。') + 1, pasted.indexOf('。', pasted.indexOf('。') + 1));

        try (Browser b = Browser.open(root.toString(), 1366, 900)) {
            b.get("/login");
            b.signIn(inspector, PagesBrowserTest.PASSWORD);
            b.get("/audits/" + id);
            List<WebElement> rows = b.await("the most similar pairs", d -> {
                List<WebElement> r = d.findElements(By.cssSelector("#similar-pairs table.similar tbody tr"));
                return r.isEmpty() ? null : r;
            });
            assertEquals(1, rows.size(), "one pair: " + b.find("#similar-pairs").getText());
            String row = rows.get(0).getText();
            assertTrue(row.contains("关坝镇") && row.contains("沙坪坝街道"), row);
            List<WebElement> sides = rows.get(0).findElements(By.cssSelector(".side-by-side"));
            assertTrue(sides.stream().anyMatch(s -> s.findElements(By.tagName("blockquote")).stream()
                    .allMatch(q -> q.getText().contains(sentence))), "a passage beside its copy: " + row);
            b.fullPage("audit-similar-pairs");
            assertEquals(List.of(), b.consoleProblems(), "console of the audit page");
        }
    }
}
