package tijian.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A site that wants every check to have an owner switches anonymous checks off. */
@QuarkusTest
@TestProfile(AnonymousChecksOffTest.Profile.class)
class AnonymousChecksOffTest {
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("checker.auth.anonymous-checks", "false");
        }
    }

    @Test
    void anAnonymousCheckIsRefusedAndASignedInOneIsNot() {
        given().contentType("text/plain; charset=UTF-8").body(AccessTest.REPORT).post("/api/checks")
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
        given().get("/api/me").then().statusCode(200).body("anonymousChecks", equalTo(false));
        given().auth().preemptive().basic(FirstAdmin.NAME, AccessTest.ADMIN_PASSWORD)
                .contentType("text/plain; charset=UTF-8").body(AccessTest.REPORT).post("/api/checks")
                .then().statusCode(200).body("score", org.hamcrest.Matchers.notNullValue());
    }
}
