package tijian.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import tijian.db.EmbeddedDatabaseResource;
import tijian.security.Roles;

/** The pages over plain HTTP: caching, where an anonymous browser goes and back, refusals as pages, assets from the jar. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class PagesHttpTest {
    @Test
    void pagesAndTheirOwnAssetsAreRevalidatedSoANewVersionShowsAtOnce() {
        given().get("/").then().statusCode(200).header("Cache-Control", "no-cache").contentType(containsString("text/html"))
                .body(containsString("开始体检")).body(not(containsString("<script>"))).body(not(containsString("style=")));
        given().get("/app.js").then().statusCode(200).header("Cache-Control", "no-cache");
        given().get("/site.css").then().statusCode(200).header("Cache-Control", "no-cache");
        given().get("/login").then().statusCode(200).header("Cache-Control", "no-cache");
        // the chart library comes from the jar (its WebJar), versioned, so it may be cached
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200)
                .header("Cache-Control", not(equalTo("no-cache")));
        given().redirects().follow(false).get("/favicon.ico").then().statusCode(301).header("Location", endsWith("/favicon.svg"));
    }

    @Test
    void anAnonymousBrowserIsSentToTheLoginPageAndRemembersWhereItWas() {
        given().redirects().follow(false).get("/audits").then().statusCode(302).header("Location", endsWith("/login"))
                .header("Set-Cookie", startsWith("quarkus-redirect-location=http"))
                .header("Set-Cookie", containsString("/audits;"));
    }

    @Test
    @TestSecurity(user = "clerk", roles = Roles.UNIT)
    void aWrongRoleGetsAPageNotJson() {
        given().get("/audits").then().statusCode(403).contentType(containsString("text/html")).body(containsString("无权访问此页面"));
        given().get("/rules").then().statusCode(200).body(not(containsString("校验规则文件")));
    }

    @Test
    @TestSecurity(user = "author", roles = Roles.RULE_AUTHOR)
    void theRuleAuthorSeesTheWholeConsoleAndNoStartButton() {
        given().get("/rules").then().statusCode(200).body(containsString("校验规则文件")).body(containsString("历次生效的规则版本"));
        given().get("/audits").then().statusCode(200).body(not(containsString("开始审核")));
        given().get("/audits/not-a-uuid").then().statusCode(404).contentType(containsString("text/html"));
    }
}
