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
import java.util.concurrent.atomic.AtomicBoolean;

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

import tijian.testsupport.Await;

/**
 * The rule author's loop against a running service: save a file, see it live (or rejected with its position), while
 * checks keep succeeding. Works on a copy of the bundled rules. Each test waits for the exact revision it saved to go
 * live (or be rejected), however long a busy machine takes; how fast that is (the 2 s target) is CheckBenchmark's
 * figure, not an assertion here.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@TestProfile(HotReloadTest.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class HotReloadTest {
    /** A fixed place: Quarkus loads test classes twice, and both loads must agree on the folder. */
    public static final Path RULES = Path.of("target", "hot-reload-rules").toAbsolutePath();
    public static final String REPORT = "关于2025年法治政府建设情况的报告\n一、主要举措和成效\n全年行政诉讼案件1件，出庭应诉率100%。";

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

    public static final String NEW_ITEM = """
            package rules.extra;
            import tijian.report.*;
            import tijian.rules.*;

            rule "extra.mentions-constitution"
                @item("extra.mentions-constitution") @title("提及宪法") @category("coverage") @severity("advisory")
                @weight(1) @advice("写明宪法学习情况") @basis("《中华人民共和国宪法》")
            when
                Report(text not contains "宪法")
            then
                insert(Finding.warn(kcontext, "未提及宪法"));
            end
            """;

    @Test
    @Order(0)
    void theServiceWatchesTheRulesDirectory() {
        Await.until("the service to watch " + RULES, () -> given().get("/api/rules").jsonPath().getBoolean("watching"));
    }

    @Test
    @Order(1)
    void aNewRuleFileGoesLive() throws Exception {
        awaitLive(write("extra.drl", NEW_ITEM));
        given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks")
                .then().statusCode(200).body("items.id", hasItem("extra.mentions-constitution"));
    }

    @Test
    @Order(2)
    void aBrokenFileIsRejectedWithItsLineAndTheLastGoodSetStays() throws Exception {
        String good = liveRevision();
        String broken = NEW_ITEM.replace("Report(text not contains \"宪法\")", "Report(text not contains )");
        String rejected = write("extra.drl", broken);
        JsonPath rules = JsonPath.from(Await.until("revision " + rejected + " to be rejected",
                () -> given().get("/api/rules").then().statusCode(200).extract().asString(),
                json -> rejected.equals(JsonPath.from(json).getString("lastRejection.revision"))));
        assertEquals(good, rules.getString("revision"));
        assertTrue(rules.getList("lastRejection.problems.file").contains("extra.drl"), rules.prettify());
        assertEquals(9, rules.getInt("lastRejection.problems.find { it.file == 'extra.drl' }.line"));
        given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks")
                .then().statusCode(200).body("ruleSet.revision", equalTo(good));
    }

    @Test
    @Order(3)
    void theFixedFileGoesLive() throws Exception {
        awaitLive(write("extra.drl", NEW_ITEM.replace("未提及宪法", "报告未提及宪法")));
        given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks").then().statusCode(200)
                .body("items.find { it.id == 'extra.mentions-constitution' }.message", equalTo("报告未提及宪法"));
    }

    @Test
    @Order(4)
    void aChangedDataFileTakesEffect() throws Exception {
        Path coverage = RULES.resolve("data/coverage.csv");
        String csv = Files.readString(coverage, StandardCharsets.UTF_8);
        String row = (csv.endsWith("\n") ? "" : "\n") + "coverage.constitution-week,宪法宣传周,宪法宣传周,1,写明宪法宣传周活动,《中华人民共和国宪法》\n";
        awaitLive(write("data/coverage.csv", csv + row));
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
        // Four clients keep checking until six swaps have each gone live, so every swap happens under requests
        // however fast or slow this machine is.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean swapping = new AtomicBoolean(true);
        try {
            List<Future<List<Integer>>> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                clients.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    do {
                        statuses.add(given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks").statusCode());
                        Thread.sleep(20); // pacing only, leaving a busy machine's CPU to the reloads
                    } while (swapping.get());
                    return statuses;
                }));
            }
            for (int swap = 0; swap < 6; swap++) {
                awaitLive(write("extra.drl", NEW_ITEM.replace("未提及宪法", "未提及宪法 v" + swap)));
            }
            swapping.set(false);
            for (Future<List<Integer>> client : clients) {
                List<Integer> statuses = client.get();
                assertEquals(List.of(), statuses.stream().filter(s -> s != 200).toList(), statuses.size() + " requests");
            }
        } finally {
            swapping.set(false);
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

    @Test
    @Order(8)
    void aRuleThatReachesOutIsRefusedFromTheFolderAndFromAnUploadAndNeverRuns() throws Exception {
        Path marker = Files.createTempDirectory("sandbox").resolve("ran");
        String evil = NEW_ITEM.replace("extra.mentions-constitution", "extra.evil").replace("insert(Finding.warn(kcontext, \"未提及宪法\"));",
                "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + marker + "\"});");
        String good = liveRevision();
        String refused = write("evil.drl", evil);
        JsonPath rules = JsonPath.from(Await.until("revision " + refused + " to be refused",
                () -> given().get("/api/rules").then().statusCode(200).extract().asString(),
                json -> refused.equals(JsonPath.from(json).getString("lastRejection.revision"))));
        assertEquals(good, rules.getString("revision"));
        assertEquals(11, rules.getInt("lastRejection.problems.find { it.file == 'evil.drl' }.line"), rules.prettify());
        Files.delete(RULES.resolve("evil.drl"));

        given().contentType("text/plain; charset=UTF-8").body(evil).put("/api/rules/files/evil-upload.drl")
                .then().statusCode(422).body("errors.file", hasItem("evil-upload.drl"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("java.lang.Runtime")));
        assertTrue(Files.notExists(RULES.resolve("evil-upload.drl")), "a refused upload is never written");
        given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks").then().statusCode(200);
        assertTrue(Files.notExists(marker), "the rule ran");
    }

    @Test
    @Order(9)
    void anUploadThatCannotGoLiveBecauseAnotherFileIsBrokenSaysSo() throws Exception {
        String before = liveRevision();
        Path broken = RULES.resolve("zz-broken.drl");
        Files.writeString(broken, "rule \"x\" when then", StandardCharsets.UTF_8);
        try {
            given().contentType("text/plain; charset=UTF-8")
                    .body(NEW_ITEM.replace("extra.mentions-constitution", "extra.uploaded").replace("rules.extra", "rules.uploaded"))
                    .put("/api/rules/files/uploaded.drl").then().statusCode(409)
                    .body("code", equalTo("rules-folder-rejected"))
                    .body("details.file", hasItem("zz-broken.drl"));
            assertTrue(Files.exists(RULES.resolve("uploaded.drl")), "the upload was written: saying otherwise would be untrue");
            given().get("/api/rules").then().body("revision", equalTo(before)).body("items.id", not(hasItem("extra.uploaded")));
            given().delete("/api/rules/files/uploaded.drl").then().statusCode(409)
                    .body("code", equalTo("rules-folder-rejected"))
                    .body("messageEn", org.hamcrest.Matchers.containsString("deleted"))
                    .body("details.file", hasItem("zz-broken.drl"));
            assertTrue(Files.notExists(RULES.resolve("uploaded.drl")), "the file was deleted");
            given().get("/api/rules").then().body("revision", equalTo(before));
        } finally {
            Files.deleteIfExists(broken);
            Files.deleteIfExists(RULES.resolve("uploaded.drl"));
        }
        awaitLive(RuleSetCompiler.revisionOf(RuleFiles.read(RULES)));
    }

    private static String liveRevision() {
        return given().get("/api/rules").then().statusCode(200).extract().path("revision");
    }

    /**
     * Waits until {@code revision} is the live one. A reload compiles the whole rule set and runs all its examples;
     * on a shared 2-core machine under load that took up to 42 s (31 s with four clients checking), past
     * {@link Await#PATIENCE}, so a swap gets longer — it still fails if the revision never goes live.
     */
    private static void awaitLive(String revision) {
        Await.until("revision " + revision + " to go live", Duration.ofMinutes(2), HotReloadTest::liveRevision, revision::equals);
    }

    /** Saves a file the way editors do (temp file, rename) and returns the revision the folder has now. */
    private static String write(String name, String content) throws IOException {
        Path target = RULES.resolve(name);
        Path temp = Files.createTempFile(RULES, ".edit", ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return RuleSetCompiler.revisionOf(RuleFiles.read(RULES));
    }
}
