package tijian.guard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import tijian.db.EmbeddedDatabaseResource;
import io.quarkus.test.security.TestSecurity;

/** Security headers, no server paths in answers, and no CORS unless configured. */
@QuarkusTest
@TestSecurity(user = "tester", roles = {"inspector", "rule-author"})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class HttpHygieneTest {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    static void commonHeaders(Response r) {
        r.then().header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void thePageHasAStrictPolicyAndNoInlineScriptOrStyle() {
        Response page = given().get("/");
        page.then().statusCode(200).header("Content-Security-Policy", CSP)
                .body(not(containsString("<script>")), not(containsString("<style>")), not(containsString(" onclick=")))
                .body(containsString("<script src=\"/app.js\"></script>")).body(not(containsString(" style=")));
        commonHeaders(page);
        // with nosniff a browser runs the script and applies the style only when served with their own types
        Response js = given().get("/app.js");
        js.then().statusCode(200).contentType(matchesPattern("(text|application)/javascript.*"))
                .body(containsString("\"/api/checks\""));
        commonHeaders(js);
        Response css = given().get("/app.css");
        css.then().statusCode(200).contentType(startsWith("text/css")).body(containsString(".chip"));
        commonHeaders(css);
    }

    @Test
    void apiAnswersAndErrorsCarryTheHeaders() {
        Response ok = given().get("/api/rules");
        ok.then().statusCode(200);
        commonHeaders(ok);
        Response missing = given().get("/api/checks/00000000-0000-0000-0000-000000000000");
        missing.then().statusCode(404).body("code", equalTo("not-found"));
        commonHeaders(missing);
    }

    @Test
    void swaggerUiKeepsItsInlineScript() {
        Response ui = given().get("/q/swagger-ui/");
        ui.then().statusCode(200).header("Content-Security-Policy", nullValue());
        commonHeaders(ui);
    }

    @Test
    void rulesAnswerNamesNoServerPath() {
        String body = given().get("/api/rules").then().statusCode(200)
                .body("directory", equalTo("rules folder")).extract().asString();
        String abs = Path.of("rules").toAbsolutePath().normalize().toString();
        assertFalse(body.contains(abs), "the answer shows " + abs);
        assertFalse(body.contains(Path.of("").toAbsolutePath().toString()), "the answer shows the working directory");
    }

    @Test
    void noCorsUnlessConfigured() {
        given().header("Origin", "https://elsewhere.example").get("/api/rules")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/checks")
                .then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
    }
}
