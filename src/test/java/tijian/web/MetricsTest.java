package tijian.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import tijian.security.Roles;

/** What an operator scrapes from /q/metrics moves with the work: checks, their steps, refusals, items, the queue. */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
class MetricsTest {
    static final String REPORT = "关于2025年法治政府建设情况的报告\n一、主要举措和成效\n全年行政诉讼案件1件，出庭应诉率100%。";

    /** The scrape, as Prometheus reads it: no credentials. */
    static String scrape() {
        return given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series (0 when it has not appeared yet). */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void countersMoveWithChecksAndRefusals() {
        String before = scrape();
        given().contentType("text/plain; charset=UTF-8").body(REPORT + "\n" + UUID.randomUUID()).post("/api/checks")
                .then().statusCode(200);
        given().contentType("application/pdf").body(new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', 'x'})
                .post("/api/checks").then().statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400)).and(org.hamcrest.Matchers.lessThan(500)));
        String after = scrape();

        String checked = "tijian_checks_total{format=\"txt\",outcome=\"checked\"}";
        assertEquals(value(before, checked) + 1, value(after, checked), checked);
        String refused = "tijian_checks_total{format=\"unknown\",outcome=\"refused\"}";
        assertEquals(value(before, refused) + 1, value(after, refused), refused);
        Matcher refusal = Pattern.compile("(?m)^tijian_ingest_refusals_total\\{code=\"([a-z-]+)\"} ").matcher(after);
        assertTrue(refusal.find(), "an ingest refusal by its code");
        for (String stage : new String[] {"ingest", "parse", "rules", "store"}) {
            String count = "tijian_check_duration_seconds_count{stage=\"" + stage + "\"}";
            assertTrue(value(after, count) > value(before, count), count);
            assertTrue(after.contains("tijian_check_duration_seconds_bucket{stage=\"" + stage + "\",le="), "histogram of " + stage);
        }
        String warned = "tijian_check_items_total{status=\"WARN\"}";
        String passed = "tijian_check_items_total{status=\"PASS\"}";
        assertTrue(value(after, warned) + value(after, passed) > value(before, warned) + value(before, passed), "items by status");
    }

    @Test
    void theQueueTheWorkersAndTheRulesAreShown() {
        String scrape = scrape();
        assertTrue(scrape.contains("tijian_audit_queue_depth{state=\"queued\"}"), "queue depth");
        assertTrue(scrape.contains("tijian_audit_queue_depth{state=\"running\"}"), "files running");
        assertTrue(scrape.contains("tijian_audit_queue_oldest_age_seconds "), "age of the oldest waiting file");
        assertTrue(scrape.contains("tijian_audit_workers_busy "), "busy workers");
        assertEquals(1, value(scrape, "tijian_rules_in_step"), "in step with the cluster's revision");
        String live = given().get("/api/rules").then().statusCode(200).extract().path("revision");
        assertTrue(scrape.contains("tijian_rules_revision{cluster=\"" + live + "\",revision=\"" + live + "\"} 1.0"),
                "the revision this instance serves");
        assertTrue(value(scrape, "tijian_rules_reloads_total{result=\"accepted\",source=\"folder\"}") >= 1, "rule reloads");
    }
}
