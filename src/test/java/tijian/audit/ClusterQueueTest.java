package tijian.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import tijian.check.CheckService;
import tijian.config.CheckerConfig;
import tijian.db.ThisInstance;
import tijian.security.Roles;
import tijian.testsupport.Await;
import tijian.testsupport.OtherInstance;

/**
 * Two instances share an audit: the running service and a second instance's audit workers, built here with their
 * own instance id and their own LISTEN connection on the same database. The second one polls only every ten
 * minutes, so that it takes part at all shows the notification woke it. Every file is checked once, and the claims
 * of a file (which instance, how it ended) are in the audit's failures list.
 */
@QuarkusTest
class ClusterQueueTest {
    @Inject
    AuditIntake intake;

    @Inject
    AuditQueries audits;

    @Inject
    CheckerConfig config;

    @Inject
    AuditQueue queue;

    @Inject
    AuditWorkers workers;

    @Inject
    CheckService checks;

    @Inject
    DataSource dataSource;

    AuditWorkers otherInstance() {
        AuditWorkers other = new AuditWorkers();
        other.queue = queue;
        other.checks = checks;
        other.instance = new ThisInstance();
        other.notifications = OtherInstance.notifications("other-instance");
        // the running instance's settings, but two workers that poll only every ten minutes
        CheckerConfig.Audit mine = config.audit();
        other.settings = new AuditWorkers.Settings(true, 2, Duration.ofMinutes(10), mine.lease(), mine.maxAttempts(),
                mine.retryBackoff(), mine.maxRetryBackoff());
        return other;
    }

    @Test
    void anAuditPostedToOneInstanceIsFinishedByBothAndEveryFileIsCheckedOnce() throws Exception {
        AuditWorkers other = otherInstance();
        other.onStart(null);
        other.notifications.start();
        try {
            Await.until("the other instance to listen", other.notifications::connected);
            // its workers have looked once at start and found nothing; now they wait out their ten-minute poll
            Thread.sleep(500);
            List<AuditIntake.Upload> uploads = new ArrayList<>(AuditQueueTest.uploads(700, 12));
            uploads.add(new AuditIntake.Upload("损坏.pdf", "%PDF-1.4\nnot really a pdf\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
            long submitted = System.currentTimeMillis();
            UUID id = intake.submit("两个实例共同完成", uploads).id();
            Await.until("audit " + id + " to finish", () -> audits.get(id).orElseThrow(), a -> a.status() == AuditState.FINISHED);

            Map<String, Integer> doneBy = new HashMap<>();
            long otherFirstClaim = Long.MAX_VALUE;
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("""
                         select t.owner, t.outcome, t.started_at, f.id,
                                (select count(*) from report_check r where r.audit_file_id = f.id),
                                (select count(*) from audit_file_attempt a where a.file_id = f.id)
                           from audit_file f join audit_file_attempt t on t.file_id = f.id
                          where f.audit_id = ?""")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String owner = rs.getString(1);
                        assertEquals(1, rs.getInt(6), "claims of file " + rs.getLong(4) + " (none is checked twice)");
                        if ("done".equals(rs.getString(2))) {
                            assertEquals(1, rs.getInt(5), "stored checks of file " + rs.getLong(4));
                            doneBy.merge(owner, 1, Integer::sum);
                        }
                        if (owner.equals(other.owner())) {
                            otherFirstClaim = Math.min(otherFirstClaim, rs.getTimestamp(3).getTime());
                        }
                    }
                }
            }
            assertEquals(12, doneBy.values().stream().mapToInt(Integer::intValue).sum(), "files checked: " + doneBy);
            assertTrue(doneBy.getOrDefault(workers.owner(), 0) > 0 && doneBy.getOrDefault(other.owner(), 0) > 0,
                    "both instances checked files: " + doneBy);
            System.out.printf("cluster: the other instance claimed its first file %d ms after the audit was submitted"
                    + " (its poll interval: 10 min); files checked per instance: %s%n", otherFirstClaim - submitted, doneBy);

            AuditViews.Audit audit = audits.get(id).orElseThrow();
            assertEquals(1, audit.failures().size());
            AuditViews.Failure broken = audit.failures().get(0);
            assertEquals(1, broken.tries().size(), broken.toString());
            AuditViews.Attempt attempt = broken.tries().get(0);
            assertTrue(List.of(workers.owner(), other.owner()).contains(attempt.instance()), attempt.toString());
            assertEquals("failed:" + broken.code(), attempt.outcome());
            assertTrue(attempt.finishedAt() != null && !attempt.finishedAt().isBefore(attempt.startedAt()), attempt.toString());
        } finally {
            other.onStop(null);
            other.notifications.close();
        }
    }

    @Test
    @TestSecurity(user = "inspector", roles = Roles.INSPECTOR)
    void aClaimTakenOverAfterItsLeaseRanOutShowsBothInstances() throws Exception {
        workers.pause();
        UUID id;
        try {
            id = intake.submit("接手", List.of(new AuditIntake.Upload("坏.pdf", "%PDF-1.4\nbroken".getBytes(StandardCharsets.US_ASCII)))).id();
            List<AuditQueue.Claimed> dead = queue.claim("dead-instance", 1, Duration.ofMinutes(5));
            assertEquals(1, dead.size());
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("update audit_file set lease_expires_at = now() - interval '1 second' where id = ?")) {
                ps.setLong(1, dead.get(0).id());
                assertEquals(1, ps.executeUpdate());
            }
        } finally {
            workers.resume();
        }
        Await.until("audit " + id + " to finish", () -> audits.get(id).orElseThrow(), a -> a.status() == AuditState.FINISHED);
        List<AuditViews.Attempt> tries = audits.get(id).orElseThrow().failures().get(0).tries();
        assertEquals(2, tries.size(), tries.toString());
        assertEquals("dead-instance", tries.get(0).instance());
        assertEquals("lease-expired", tries.get(0).outcome());
        assertEquals(workers.owner(), tries.get(1).instance());
        assertTrue(tries.get(1).outcome().startsWith("failed:"), tries.toString());
        given().get("/api/audits/" + id).then().statusCode(200)
                .body("failures[0].tries.instance", org.hamcrest.Matchers.contains("dead-instance", workers.owner()))
                .body("failures[0].tries.outcome[0]", org.hamcrest.Matchers.equalTo("lease-expired"));
    }
}
