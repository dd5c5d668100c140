package tijian.guard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import tijian.activity.ActivityLog;
import tijian.audit.AuditTestSupport;
import tijian.db.EmbeddedDatabaseResource;

/** The audit trail: what is recorded, with whom, from where and with which revision; only admins read it. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class ActivityTest {
    static final String REPORT = "关于2025年法治政府建设情况的报告\n一、主要举措和成效\n全年行政诉讼案件1件，出庭应诉率100%。";

    @Inject
    ActivityLog log;

    static byte[] sample(String name) {
        try (InputStream in = ActivityTest.class.getResourceAsStream("/reports/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> trail(String query) {
        return given().get("/api/activity?" + query).then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aCheckAppearsWithItsIdActorAddressAndRevision() {
        JsonPath check = given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks")
                .then().statusCode(200).extract().jsonPath();
        String id = check.getString("id");
        Map<String, Object> entry = trail("action=check.create&actor=admin&size=20").stream()
                .filter(e -> id.equals(e.get("target"))).findFirst().orElseThrow(() -> new AssertionError("no entry for " + id));
        assertEquals("admin", entry.get("actor"));
        assertEquals(List.of("admin"), entry.get("roles"));
        assertEquals(200, entry.get("status"));
        assertEquals(check.getString("ruleSet.revision"), entry.get("revision"));
        assertEquals("127.0.0.1", entry.get("remoteAddress"));
        assertTrue(entry.get("at") != null && entry.get("id") != null);
    }

    @Test
    void anAnonymousCheckIsRecordedWithoutActor() {
        // without proxy forwarding configured, a forwarded header is anyone's claim and does not count
        String id = given().header("X-Forwarded-For", "203.0.113.9").header("Forwarded", "for=203.0.113.9")
                .contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks")
                .then().statusCode(200).extract().path("id");
        ActivityLog.View entry = log.find(new ActivityLog.Query("anonymous", "check.create", null, null), 0, 50).items()
                .stream().filter(e -> id.equals(e.target())).findFirst().orElseThrow();
        assertNull(entry.actor());
        assertEquals(List.of(), entry.roles());
        assertEquals(Integer.valueOf(200), entry.status());
        assertEquals("127.0.0.1", entry.remoteAddress());
    }

    @Test
    @TestSecurity(user = "author", roles = {"rule-author", "admin"})
    void aRefusedRuleUploadIsRecorded() {
        // a refused upload (it does not compile, so nothing is written) is what an admin wants to see when it repeats
        given().contentType("text/plain; charset=UTF-8").body("rule \"x\" when Report( then end").put("/api/rules/files/evil.drl")
                .then().statusCode(422).body("valid", equalTo(false));
        ActivityLog.View entry = log.find(new ActivityLog.Query(null, "rules.put", null, null), 0, 10).items().get(0);
        assertEquals("evil.drl", entry.target());
        assertEquals(Integer.valueOf(422), entry.status());
        assertTrue(entry.detail().startsWith("invalid"), entry.detail());
    }

    @Test
    @TestSecurity(user = "inspector", roles = {"inspector", "admin"})
    void anExportIsRecorded() {
        String audit = given().multiPart("file", "a.txt", sample("shapingba-street-2025.txt")).post("/api/audits")
                .then().statusCode(202).extract().path("id");
        AuditTestSupport.awaitFinished(audit, 60_000);
        given().get("/api/audits/" + audit + "/export.csv").then().statusCode(200);
        given().get("/api/audits/" + audit + "/export.xlsx").then().statusCode(200);
        List<ActivityLog.View> exports = log.find(new ActivityLog.Query(null, "audit.export", null, null), 0, 10).items()
                .stream().filter(e -> audit.equals(e.target())).toList();
        assertEquals(2, exports.size(), "csv and xlsx");
        assertTrue(log.find(new ActivityLog.Query(null, "audit.create", null, null), 0, 50).items().stream()
                .anyMatch(e -> audit.equals(e.target()) && e.status() == 202), "the audit it exports");
    }

    @Test
    @TestSecurity(user = "author", roles = {"rule-author", "admin"})
    void theRulesFolderActivatingARevisionIsRecorded() {
        String live = given().get("/api/rules").then().extract().path("revision");
        assertTrue(log.find(new ActivityLog.Query("rules-folder", "rules.activate", null, null), 0, 50).items().stream()
                .anyMatch(e -> live.equals(e.target()) && live.equals(e.revision())));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void filtersAndPagesNewestFirst() {
        for (int i = 0; i < 3; i++) {
            given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks").then().statusCode(200);
        }
        JsonPath page = given().get("/api/activity?action=check.create&size=2&since=2000-01-01").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("items.size()", equalTo(2))
                .extract().jsonPath();
        assertTrue(page.getLong("total") >= 3);
        assertTrue(page.getString("items[0].at").compareTo(page.getString("items[1].at")) >= 0, "newest first");
        given().get("/api/activity?size=100000").then().statusCode(200).body("size", equalTo(500));
        given().get("/api/activity?until=2000-01-01").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/activity?since=yesterday").then().statusCode(400).body("code", equalTo("bad-parameter"));
        given().get("/api/activity?actor=admin").then().statusCode(200).body("items.actor", hasItem("admin"));
    }

    @Test
    @TestSecurity(user = "guanba", roles = "unit")
    void aUnitMayNotReadTheTrail() {
        given().get("/api/activity").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "guanba", roles = "unit")
    void aRefusalByRoleIsRecorded() throws InterruptedException {
        given().post("/test/recorded-probe/by-unit").then().statusCode(403);
        awaitEntry("by-unit", 403, "guanba");
    }

    @Test
    void anUnauthenticatedRefusalIsRecorded() throws InterruptedException {
        given().post("/test/recorded-probe/by-nobody").then().statusCode(401);
        awaitEntry("by-nobody", 401, null);
    }

    /** A refusal answered on an I/O thread is stored by a worker a moment later. */
    private void awaitEntry(String target, int status, String actor) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            var found = log.find(new ActivityLog.Query(null, "test.probe", null, null), 0, 50).items().stream()
                    .filter(e -> target.equals(e.target())).findFirst();
            if (found.isPresent()) {
                assertEquals(Integer.valueOf(status), found.get().status());
                assertEquals(actor, found.get().actor());
                assertEquals("127.0.0.1", found.get().remoteAddress());
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no activity for " + target);
    }

    @Test
    void anAnonymousCallerMayNotReadTheTrail() {
        given().get("/api/activity").then().statusCode(401);
    }
}
