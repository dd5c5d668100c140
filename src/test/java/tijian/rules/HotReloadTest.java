package tijian.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.security.TestSecurity;
import tijian.security.Roles;

/**
 * The rule author's loop against a running service: save a file, see it live (or rejected with its position)
 * within 2 s, while checks keep succeeding. Works on a copy of the bundled rules.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@TestProfile(HotReloadTest.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotReloadTest {
    /** A fixed place: Quarkus loads test classes twice, and both loads must agree on the folder. */
    static final Path RULES = Path.of("target", "hot-reload-rules").toAbsolutePath();
    static final String REPORT = "关于2025年法治政府建设情况的报告\n一、主要举措和成效\n全年行政诉讼案件1件，出庭应诉率100%。";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            if (System.getProperty("tijian.test.hot-reload-rules") == null) {
                RuleFolders.copyBundledTo(RULES);
                System.setProperty("tijian.test.hot-reload-rules", RULES.toString());
            }
            return Map.of("checker.rules.dir", RULES.toString(), "checker.rules.upload-enabled", "true");
        }
    }

    static final String NEW_ITEM = """
            package rules.extra;
            import tijian.report.*;
            import tijian.rules.*;

            rule "extra.mentions-constitution"
                @item("extra.mentions-constitution") @title("提及宪法") @category("coverage") @severity("advisory")
                @weight(1) @advice("写明宪法学习情况")
            when
                Report(text not contains "宪法")
            then
                insert(Finding.warn(kcontext, "未提及宪法"));
            end
            """;

    @Test
    @Order(0)
    void theServiceWatchesTheRulesDirectory() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!given().get("/api/rules").jsonPath().getBoolean("watching") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        given().get("/api/rules").then().body("watching", equalTo(true));
    }

    @Test
    @Order(1)
    void aNewRuleFileGoesLiveWithinTwoSeconds() throws Exception {
        String before = liveRevision();
        write("extra.drl", NEW_ITEM);
        awaitLive(() -> !liveRevision().equals(before));
        given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks")
                .then().statusCode(200).body("items.id", hasItem("extra.mentions-constitution"));
    }

    @Test
    @Order(2)
    void aBrokenFileIsRejectedWithItsLineAndTheLastGoodSetStays() throws Exception {
        String good = liveRevision();
        String broken = NEW_ITEM.replace("Report(text not contains \"宪法\")", "Report(text not contains )");
        write("extra.drl", broken);
        awaitLive(() -> {
            JsonPath rules = given().get("/api/rules").jsonPath();
            return rules.getString("lastRejection.revision") != null
                    && !rules.getString("lastRejection.revision").equals(good)
                    && rules.getList("lastRejection.problems.file").contains("extra.drl");
        });
        JsonPath rules = given().get("/api/rules").jsonPath();
        assertEquals(good, rules.getString("revision"));
        assertEquals(9, rules.getInt("lastRejection.problems.find { it.file == 'extra.drl' }.line"));
        given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks")
                .then().statusCode(200).body("ruleSet.revision", equalTo(good));
    }

    @Test
    @Order(3)
    void theFixedFileGoesLive() throws Exception {
        String before = liveRevision();
        write("extra.drl", NEW_ITEM.replace("未提及宪法", "报告未提及宪法"));
        awaitLive(() -> !liveRevision().equals(before));
        given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks").then().statusCode(200)
                .body("items.find { it.id == 'extra.mentions-constitution' }.message", equalTo("报告未提及宪法"));
    }

    @Test
    @Order(4)
    void aChangedDataFileTakesEffect() throws Exception {
        String before = liveRevision();
        Path coverage = RULES.resolve("data/coverage.csv");
        String csv = Files.readString(coverage, StandardCharsets.UTF_8);
        String row = (csv.endsWith("\n") ? "" : "\n") + "coverage.constitution-week,宪法宣传周,宪法宣传周,1,写明宪法宣传周活动\n";
        write("data/coverage.csv", csv + row);
        awaitLive(() -> !liveRevision().equals(before));
        given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks").then().statusCode(200)
                .body("items.find { it.id == 'coverage.constitution-week' }.status", equalTo("WARN"));
    }

    @Test
    @Order(5)
    void aStoredCheckNamesARevisionWhoseFilesCanBeFetched() {
        String id = given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks")
                .then().statusCode(200).extract().path("id");
        String revision = given().get("/api/checks/" + id).then().statusCode(200).extract().path("ruleSet.revision");
        JsonPath files = given().get("/api/rules/revisions/" + revision).then().statusCode(200).extract().jsonPath();
        assertTrue(files.getString("files.'extra.drl'").contains("报告未提及宪法"));
        given().get("/api/rules/revisions").then().statusCode(200).body("revision", hasItem(revision));
    }

    @Test
    @Order(6)
    void noRequestFailsWhileRulesAreSwappedUnderLoad() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                statuses.add(pool.submit(() -> given().contentType("text/plain; charset=UTF-8").body(REPORT)
                        .post("/api/checks").statusCode()));
            }
            for (int swap = 0; swap < 6; swap++) {
                write("extra.drl", NEW_ITEM.replace("未提及宪法", "未提及宪法 v" + swap));
                Thread.sleep(300);
            }
            for (Future<Integer> s : statuses) {
                assertEquals(200, s.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(7)
    void uploadGoesThroughValidation() {
        given().contentType("text/plain; charset=UTF-8").body("rule \"x\" when then")
                .put("/api/rules/files/upload.drl").then().statusCode(422).body("valid", equalTo(false))
                .body("errors.file", hasItem("upload.drl"));
        given().get("/api/rules").then().body("items.id", not(hasItem("upload.item")));
        given().contentType("text/plain; charset=UTF-8").body("x").put("/api/rules/files/..%2Fescape.drl")
                .then().statusCode(400);
    }

    private static String liveRevision() {
        return given().get("/api/rules").then().statusCode(200).extract().path("revision");
    }

    private static void awaitLive(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(50);
        }
        assertTrue(condition.get(), "not live within 2 s");
    }

    private static void write(String name, String content) throws IOException {
        Path target = RULES.resolve(name);
        Path temp = Files.createTempFile(RULES, ".edit", ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
