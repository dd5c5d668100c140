package tijian.rulebook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.path.json.JsonPath;

import tijian.db.DatabaseNotifications;
import tijian.rules.Checker;
import tijian.rules.HotReloadTest;
import tijian.rules.RuleFiles;
import tijian.rules.RuleSet;
import tijian.rules.RuleSetCompiler;
import tijian.db.ThisInstance;
import tijian.security.Roles;
import tijian.testsupport.Await;
import tijian.testsupport.OtherInstance;

/**
 * Two instances on one database serve one rule revision. The running service (the rules owner, on a copy of the
 * bundled folder) is one instance; the other is built here from the same parts an instance runs — its own rule book
 * without a folder, its own LISTEN connection and follower, its own instance id — against the same database. A
 * change activated on either goes live on the other while both keep checking without an error; a revision one
 * cannot compile leaves it on its last good one, reporting the mismatch.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@TestProfile(HotReloadTest.Profile.class)
class ClusterRulesTest {
    static final String ITEM = HotReloadTest.NEW_ITEM.replace("extra.mentions-constitution", "cluster.mentions-constitution")
            .replace("rules.extra", "rules.cluster");

    @Inject
    RuleBook app;

    @Inject
    DataSource dataSource;

    RuleBook other;
    DatabaseNotifications otherNotifications;
    RevisionFollower otherFollower;

    @BeforeEach
    void startTheOtherInstance() throws Exception {
        Await.until("the service to follow the folder", () -> given().get("/api/rules").jsonPath().getBoolean("watching"));
        other = new RuleBook();
        other.dir = Files.createTempDirectory("no-rules-folder");
        other.checkTimeout = Duration.ofSeconds(10);
        other.ownsFolder = false;
        other.instance = new ThisInstance();
        other.meters = new SimpleMeterRegistry();
        other.start();
        otherNotifications = OtherInstance.notifications("other-instance");
        // polls only every ten minutes: within this test only a notification makes it follow
        otherFollower = new RevisionFollower(other, otherNotifications, Duration.ofMinutes(10));
        otherNotifications.start();
        Await.until("the other instance to listen", otherNotifications::connected);
    }

    @AfterEach
    void stopTheOtherInstance() {
        otherFollower.close();
        otherNotifications.close();
    }

    @Test
    void aChangeActivatedOnEitherInstanceIsServedByTheOtherWhileBothCheckWithoutError() throws Exception {
        assertEquals(app.active().revision(), other.active().revision(), "the other instance starts on the cluster's revision");
        ExecutorService clients = Executors.newFixedThreadPool(2);
        AtomicBoolean changing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        try {
            Future<Integer> onApp = clients.submit(() -> {
                int n = 0;
                do {
                    int status = given().contentType("text/plain; charset=UTF-8").body(HotReloadTest.REPORT).post("/api/checks").statusCode();
                    if (status != 200) {
                        errors.add("service answered " + status);
                    }
                    n++;
                    Thread.sleep(20);
                } while (changing.get());
                return n;
            });
            Future<Integer> onOther = clients.submit(() -> {
                int n = 0;
                do {
                    try {
                        RuleSet rules = other.active();
                        Checker.check(rules.parser().parse(HotReloadTest.REPORT), rules);
                    } catch (RuntimeException e) {
                        errors.add("other instance: " + e);
                    }
                    n++;
                    Thread.sleep(20);
                } while (changing.get());
                return n;
            });

            // activated on the service by an upload: the other instance follows
            long start = System.nanoTime();
            // validating and activating compiles twice: on a loaded machine that is longer than the default 30 s
            String uploaded = given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", (int) Duration.ofMinutes(3).toMillis())))
                    .contentType("text/plain; charset=UTF-8").body(ITEM).put("/api/rules/files/cluster.drl")
                    .then().statusCode(200).extract().path("revision");
            long activated = System.nanoTime();
            Await.until("the other instance to serve " + uploaded, () -> other.active().revision(), uploaded::equals);
            System.out.printf("cluster: upload answered after %d ms; the other instance served it %d ms later%n",
                    (activated - start) / 1_000_000, (System.nanoTime() - activated) / 1_000_000);

            // activated on the other instance (an upload there): the service follows
            Map<String, String> files = new TreeMap<>(other.active().files());
            files.put("cluster.drl", ITEM.replace("未提及宪法", "其他实例：未提及宪法"));
            assertEquals(Optional.empty(), other.offer(files, RuleBook.UPLOAD));
            activated = System.nanoTime();
            String changed = other.active().revision();
            Await.until("the service to serve " + changed, () -> given().get("/api/rules").jsonPath().getString("revision"), changed::equals);
            System.out.printf("cluster: the service served the other instance's revision %d ms after it was activated there%n",
                    (System.nanoTime() - activated) / 1_000_000);

            changing.set(false);
            int checks = onApp.get() + onOther.get();
            assertEquals(List.of(), new ArrayList<>(errors), checks + " checks");
        } finally {
            changing.set(false);
            clients.shutdownNow();
        }
        String changed = other.active().revision();
        given().contentType("text/plain; charset=UTF-8").body(HotReloadTest.REPORT).post("/api/checks").then().statusCode(200)
                .body("ruleSet.revision", equalTo(changed))
                .body("items.find { it.id == 'cluster.mentions-constitution' }.message", equalTo("其他实例：未提及宪法"));
        JsonPath rules = given().get("/api/rules").then().statusCode(200).extract().jsonPath();
        assertEquals(changed, rules.getString("cluster.revision"));
        assertEquals(other.instance.id(), rules.getString("cluster.activatedBy"));
        assertTrue(rules.getBoolean("cluster.inStep"));
        assertTrue(rules.getBoolean("cluster.rulesOwner"));
        restoreTheFolder();
    }

    @Test
    void aRevisionThatDoesNotCompileHereLeavesTheLastGoodOneLiveAndSaysSo() throws Exception {
        String good = app.active().revision();
        // what a newer version of the service might have accepted: this one cannot compile it
        Map<String, String> files = new TreeMap<>(app.active().files());
        files.put("cluster.drl", ITEM.replace("Report(text not contains \"宪法\")", "Report(text not contains )"));
        String unknown = RuleSetCompiler.revisionOf(files);
        try (Connection c = dataSource.getConnection();
             PreparedStatement revision = c.prepareStatement(
                     "insert into rule_revision (revision, activated_at, files, item_count) values (?, now(), ?::jsonb, 0) on conflict do nothing");
             PreparedStatement active = c.prepareStatement(
                     "update rule_active set revision = ?, activated_at = now(), activated_by = 'newer-instance', source = 'upload'")) {
            revision.setString(1, unknown);
            revision.setString(2, new ObjectMapper().writeValueAsString(files));
            revision.executeUpdate();
            active.setString(1, unknown);
            assertEquals(1, active.executeUpdate());
        }
        JsonPath rules = JsonPath.from(Await.until("the service to report the mismatch",
                () -> given().get("/api/rules").then().statusCode(200).extract().asString(),
                json -> unknown.equals(JsonPath.from(json).getString("cluster.mismatch.revision"))));
        assertEquals(good, rules.getString("revision"));
        assertEquals(unknown, rules.getString("cluster.revision"));
        assertEquals(false, rules.getBoolean("cluster.inStep"));
        assertTrue(rules.getList("cluster.mismatch.problems.file").contains("cluster.drl"), rules.prettify());
        Await.until("the other instance to report the mismatch", () -> other.mismatch().map(RuleBook.Rejection::revision), Optional.of(unknown)::equals);
        assertEquals(good, other.active().revision());

        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rule-set' }.data.inStep", equalTo(false))
                .body("checks.find { it.name == 'rule-set' }.data.clusterRevision", equalTo(unknown));
        given().contentType("text/plain; charset=UTF-8").body(HotReloadTest.REPORT).post("/api/checks").then().statusCode(200)
                .body("ruleSet.revision", equalTo(good));
        restoreTheFolder();
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rule-set' }.data.inStep", equalTo(true));
    }

    /** The service's folder is the cluster's revision again, for the tests that run after this one. */
    private void restoreTheFolder() {
        given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", (int) Duration.ofMinutes(3).toMillis()))).delete("/api/rules/files/cluster.drl");
        String folder = RuleSetCompiler.revisionOf(RuleFiles.read(HotReloadTest.RULES));
        app.reload();
        Await.until("the folder's revision to be the cluster's", () -> app.cluster().map(RuleBook.ClusterRevision::revision), Optional.of(folder)::equals);
        Await.until("the other instance to follow it", () -> other.active().revision(), folder::equals);
    }
}
