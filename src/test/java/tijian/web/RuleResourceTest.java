package tijian.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import tijian.security.Roles;

/** The rule author's workbench over HTTP: validate without activating, run the examples, item detail. */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
class RuleResourceTest {
    static final String DRL = """
            package rules.trial;
            import tijian.report.*;
            import tijian.rules.*;

            rule "trial.has-title"
                @item("trial.has-title") @title("试验：有标题") @category("meta") @severity("advisory")
                @weight(1) @advice("写上标题") @basis("测试用依据")
            when
                Report(title == null)
            then
                insert(Finding.fail(kcontext, "没有标题"));
            end
            """;

    @Test
    void validatesAGoodFileWithoutActivatingIt() {
        String live = given().get("/api/rules").then().extract().path("revision");
        given().contentType("text/plain; charset=UTF-8").body(DRL).post("/api/rules/validate?name=trial.drl")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("errors", empty())
                .body("items.id", hasItem("trial.has-title"))
                .body("examples.size()", greaterThan(0))
                .body("examples.passed", everyItem(equalTo(true)));
        given().get("/api/rules").then().body("revision", equalTo(live)).body("items.id", not(hasItem("trial.has-title")));
    }

    @Test
    void aFileThatReachesOutOfTheSandboxIsRefusedAndNeverRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        java.nio.file.Path marker = tmp.resolve("ran");
        String evil = DRL.replace("insert(Finding.fail(kcontext, \"没有标题\"));",
                "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + marker + "\"});");
        given().multiPart("file", "trial.drl", evil.getBytes(StandardCharsets.UTF_8))
                .post("/api/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors.file", everyItem(equalTo("trial.drl")))
                .body("errors.line", hasItem(11))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("java.lang.Runtime")));
        given().multiPart("file", "trial.drl", evil.getBytes(StandardCharsets.UTF_8)).post("/api/rules/test")
                .then().statusCode(org.hamcrest.Matchers.lessThan(500));
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(marker), "the rule ran");
    }

    @Test
    void aBrokenFileGetsItsPositions() {
        given().multiPart("file", "trial.drl", DRL.replace("insert(Finding.fail(", "insert(Finding.flunk(").getBytes(StandardCharsets.UTF_8))
                .post("/api/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].file", equalTo("trial.drl"))
                .body("errors[0].line", equalTo(11))
                .body("errors[0].column", greaterThan(1));
    }

    @Test
    void aZippedRulesFolderIsValidatedAsAWhole() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("rules/trial.drl"));
            zip.write(DRL.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("rules/trial.examples.txt"));
            zip.write("=== trial.has-title FAIL\n今天天气很好。\n=== trial.has-title PASS\n关于2025年法治政府建设情况的报告\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        given().contentType("application/zip").body(bytes.toByteArray()).post("/api/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("items.id", hasItem("trial.has-title"))
                .body("examples.findAll { it.item == 'trial.has-title' }.size()", equalTo(2));
    }

    @Test
    void runsEveryExampleOfTheLiveRules() {
        given().post("/api/rules/test").then().statusCode(200)
                .body("size()", greaterThan(40))
                .body("passed", everyItem(equalTo(true)));
    }

    @Test
    void listsRevisions() {
        String live = given().get("/api/rules").then().extract().path("revision");
        given().get("/api/rules/revisions").then().statusCode(200).body("revision", hasItem(live));
        given().get("/api/rules/revisions/" + live).then().statusCode(200).body("files.'data/settings.csv'", not(equalTo(null)));
        given().get("/api/rules/revisions/" + live + "/diff/" + live).then().statusCode(200).body("changed", empty());
        given().get("/api/rules/revisions/nope").then().statusCode(404);
    }
}
