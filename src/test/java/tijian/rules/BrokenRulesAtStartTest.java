package tijian.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import tijian.security.Roles;

import tijian.testsupport.Await;

/**
 * A service started on a rules folder with a broken file still comes up: it shows the errors, serves the last
 * revision that was ever live (or refuses checks with 503 when there never was one, never a 500), and goes live as
 * soon as the file is fixed.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@TestProfile(BrokenRulesAtStartTest.Profile.class)
class BrokenRulesAtStartTest {
    static final Path RULES = Path.of("target", "broken-at-start-rules").toAbsolutePath();
    static final String GOOD = "package rules.extra;\nimport tijian.report.*;\n";
    static final String BROKEN = GOOD + "\nrule \"extra.broken\" @item(\"extra.broken\")\nwhen\n    Report(title == )\nthen\nend\n";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            if (System.getProperty("tijian.test.broken-at-start-rules") == null) {
                copyBundledRulesWith(BROKEN);
                System.setProperty("tijian.test.broken-at-start-rules", RULES.toString());
            }
            return Map.of("checker.rules.dir", RULES.toString());
        }
    }

    @Test
    void theServiceComesUpShowsTheErrorAndRecoversWhenTheFileIsFixed() throws Exception {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/api/rules").then().statusCode(200)
                .body("lastRejection.problems.file", hasItem("extra.drl"))
                .body("lastRejection.problems.find { it.file == 'extra.drl' }.line", equalTo(6));

        int status = given().contentType("text/plain; charset=UTF-8").body("关于2025年法治政府建设情况的报告")
                .post("/api/checks").statusCode();
        String served = given().get("/api/rules").path("revision");
        if (served == null) {
            assertTrue(status == 503, "without any good revision checks are refused, got " + status);
            given().contentType("text/plain").body("x").post("/api/checks").then().body("code", equalTo("no-rule-set"));
        } else {
            assertTrue(status == 200, "the last stored revision serves checks, got " + status);
        }

        Await.until("the service to watch " + RULES, () -> given().get("/api/rules").jsonPath().getBoolean("watching"));
        Files.writeString(RULES.resolve("extra.drl"), GOOD, StandardCharsets.UTF_8);
        String fixed = RuleSetCompiler.revisionOf(RuleFiles.read(RULES));
        Await.until("the fixed revision " + fixed + " to go live", () -> given().get("/api/rules").path("revision"), fixed::equals);
        given().contentType("text/plain; charset=UTF-8").body("关于2025年法治政府建设情况的报告")
                .post("/api/checks").then().statusCode(200).body("id", notNullValue());
    }

    private static void copyBundledRulesWith(String extra) {
        RuleFolders.copyBundledTo(RULES);
        try {
            Files.writeString(RULES.resolve("extra.drl"), extra, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
