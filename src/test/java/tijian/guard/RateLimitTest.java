package tijian.guard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

import tijian.activity.ActivityLog;
import tijian.db.EmbeddedDatabaseResource;

/**
 * The rate limits answer 429 with Retry-After once a caller's budget for the window is spent, and the next window
 * allows again. Durations are not asserted: windows are short here, and the test waits for the outcome.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Profile.class)
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class RateLimitTest {
    static final int ANONYMOUS = 3;
    static final int USER = 5;
    static final int AUDITS = 2;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("checker.rate-limit.anonymous-checks-per-minute", String.valueOf(ANONYMOUS),
                    "checker.rate-limit.checks-per-minute", String.valueOf(USER),
                    "checker.rate-limit.checks-window", "5s",
                    "checker.rate-limit.audits-per-hour", String.valueOf(AUDITS),
                    "checker.rate-limit.audits-window", "5s",
                    // behind a proxy: its forwarded client address is the one that counts
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Inject
    ActivityLog log;

    static Response check() {
        return given().contentType("text/plain; charset=UTF-8").body(ActivityTest.REPORT).post("/api/checks");
    }

    static Response emptyAudit() {
        return given().multiPart("name", "x").post("/api/audits");
    }

    /**
     * Calls until the first 429, at most 4 × budget times; checks that at least the budget was granted first (more
     * only if a window ended on the way) and that the refusal is well formed.
     */
    static Response spend(Supplier<Response> call, int budget) {
        for (int i = 0; i < 4 * budget; i++) {
            Response r = call.get();
            if (r.statusCode() == 429) {
                assertTrue(i >= budget, "refused after " + i + " calls, budget " + budget);
                long retryAfter = Long.parseLong(r.header("Retry-After"));
                assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
                r.then().contentType("application/json").body("status", equalTo(429)).body("code", equalTo("rate-limited"))
                        .body("message", notNullValue()).body("messageEn", notNullValue());
                return r;
            }
        }
        fail("never refused after " + 4 * budget + " calls");
        return null;
    }

    static void awaitAllowed(Supplier<Response> call, int status) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (call.get().statusCode() == status) {
                return;
            }
            Thread.sleep(250);
        }
        fail("still refused after 60 s");
    }

    @Test
    void anonymousChecksAreLimitedPerAddressAndTheNextWindowAllowsAgain() throws InterruptedException {
        spend(RateLimitTest::check, ANONYMOUS);
        awaitAllowed(RateLimitTest::check, 200);
        assertTrue(log.find(new ActivityLog.Query("anonymous", "check.create", null, null), 0, 100).items().stream()
                .anyMatch(e -> e.status() == 429 && e.detail().startsWith("rate-limited")), "the refusal is in the trail");
    }

    @Test
    void behindATrustedProxyEachForwardedAddressHasItsOwnBudget() {
        Supplier<Response> fromA = () -> given().header("X-Forwarded-For", "203.0.113.7")
                .contentType("text/plain; charset=UTF-8").body(ActivityTest.REPORT).post("/api/checks");
        spend(fromA, ANONYMOUS);
        String id = given().header("X-Forwarded-For", "203.0.113.8").contentType("text/plain; charset=UTF-8")
                .body(ActivityTest.REPORT).post("/api/checks").then().statusCode(200).extract().path("id");
        assertTrue(log.find(new ActivityLog.Query("anonymous", "check.create", null, null), 0, 100).items().stream()
                .anyMatch(e -> id.equals(e.target()) && "203.0.113.8".equals(e.remoteAddress())), "recorded with the client's address");
    }

    @Test
    @TestSecurity(user = "guanba", roles = "unit")
    void aUserHasABudgetOfItsOwn() throws InterruptedException {
        spend(RateLimitTest::check, USER);
        awaitAllowed(RateLimitTest::check, 200);
    }

    @Test
    @TestSecurity(user = "inspector", roles = "inspector")
    void auditsAreLimitedToo() throws InterruptedException {
        // the limit is taken before the upload is looked at: an empty audit (400) counts
        Response refused = spend(() -> {
            Response r = emptyAudit();
            if (r.statusCode() != 429) {
                assertEquals(400, r.statusCode());
            }
            return r;
        }, AUDITS);
        refused.then().body("messageEn", org.hamcrest.Matchers.startsWith("Too many audits"));
        awaitAllowed(RateLimitTest::emptyAudit, 400);
    }
}
