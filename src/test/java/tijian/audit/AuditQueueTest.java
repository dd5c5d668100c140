package tijian.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import tijian.check.CheckService;
import tijian.db.EmbeddedDatabaseResource;
import tijian.testsupport.Await;

/** The queue under failure and concurrency: a dead instance's files are finished once; two instances never share a file. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class AuditQueueTest {
    @Inject
    AuditIntake intake;

    @Inject
    AuditQueries audits;

    @Inject
    AuditQueue queue;

    @Inject
    AuditWorkers workers;

    @Inject
    CheckService checks;

    @Inject
    DataSource dataSource;

    static List<AuditIntake.Upload> uploads(int from, int count) {
        List<AuditIntake.Upload> uploads = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ReportVariations.Variation v = ReportVariations.variation(i);
            uploads.add(new AuditIntake.Upload(v.path(), v.bytes()));
        }
        return uploads;
    }

    /** state, attempts and number of stored checks of every file of an audit. */
    Map<Long, Object[]> files(UUID audit) throws Exception {
        Map<Long, Object[]> files = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select f.id, f.state, f.attempts, f.lease_owner, (select count(*) from report_check r where r.audit_file_id = f.id)
                       from audit_file f where f.audit_id = ?""")) {
            ps.setObject(1, audit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5)});
                }
            }
        }
        return files;
    }

    void awaitFinished(UUID id) {
        Await.until("audit " + id + " to finish", () -> audits.get(id).orElseThrow(), a -> a.status() == AuditState.FINISHED);
    }

    /** What a dead instance's claim comes to once its lease has run out, without waiting for the clock. */
    void expireLeases(UUID audit, String owner) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     update audit_file set lease_expires_at = now() - interval '1 second'
                      where audit_id = ? and lease_owner = ? and state = 'running'""")) {
            ps.setObject(1, audit);
            ps.setString(2, owner);
            assertEquals(5, ps.executeUpdate());
        }
    }

    @Test
    void aDeadInstancesFilesAreCheckedAgainExactlyOnce() throws Exception {
        workers.pause();
        UUID id;
        List<AuditQueue.Claimed> dead;
        try {
            id = intake.submit("重启续跑", uploads(400, 12)).id();
            // an instance claims five files and dies
            dead = queue.claim("dead-instance", 5, Duration.ofMinutes(5));
            assertEquals(5, dead.size());
            // while the lease holds, nobody else gets those files
            List<AuditQueue.Claimed> other = queue.claim("live-probe", 100, Duration.ofMinutes(5));
            assertEquals(7, other.size());
            other.forEach(f -> assertTrue(queue.release(f, "live-probe")));
            // then its lease runs out
            expireLeases(id, "dead-instance");
        } finally {
            workers.resume();
        }
        awaitFinished(id);
        Map<Long, Object[]> files = files(id);
        assertEquals(12, files.size());
        Set<Long> deadIds = new HashSet<>();
        dead.forEach(f -> deadIds.add(f.id()));
        files.forEach((fileId, f) -> {
            assertEquals("done", f[0], "file " + fileId);
            assertEquals(1, f[3], "checks of file " + fileId);
            assertEquals(null, f[2], "lease released");
            assertEquals(deadIds.contains(fileId) ? 2 : 1, f[1], "attempts of file " + fileId);
        });
        // the dead instance comes back and tries to finish its file: refused, nothing stored twice
        AuditQueue.Claimed late = dead.get(0);
        CheckService.Outcome outcome = checks.evaluate(queue.content(late.sha256()), late.path(), null);
        assertFalse(queue.finish(late, "dead-instance", outcome, "x", 2000));
        assertFalse(queue.fail(late, "dead-instance", "x", "x"));
        assertEquals(1, files(id).get(late.id())[3]);
    }

    @Test
    void twoInstancesShareAnAuditWithoutCheckingAFileTwice() throws Exception {
        workers.pause();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            UUID id = intake.submit("两个实例", uploads(500, 30)).id();
            // concurrent claims never overlap
            CyclicBarrier barrier = new CyclicBarrier(2);
            // Both hold their claims until both have claimed: a release in between would hand a file on legitimately.
            Callable<Map.Entry<String, List<AuditQueue.Claimed>>> claim = () -> {
                String owner = "claimer-" + Thread.currentThread().getId();
                barrier.await();
                return Map.entry(owner, queue.claim(owner, 20, Duration.ofMinutes(5)));
            };
            Future<Map.Entry<String, List<AuditQueue.Claimed>>> a = pool.submit(claim);
            Future<Map.Entry<String, List<AuditQueue.Claimed>>> b = pool.submit(claim);
            Set<Long> ids = new HashSet<>();
            a.get().getValue().forEach(f -> ids.add(f.id()));
            int overlap = 0;
            for (AuditQueue.Claimed f : b.get().getValue()) {
                if (!ids.add(f.id())) {
                    overlap++;
                }
            }
            assertEquals(0, overlap);
            assertEquals(30, ids.size());
            for (var held : List.of(a.get(), b.get())) {
                held.getValue().forEach(f -> queue.release(f, held.getKey()));
            }

            // two instances work the audit to its end; each has one file in hand before either goes on, so both
            // take part however the threads are scheduled
            CyclicBarrier firstFileDone = new CyclicBarrier(2);
            Callable<Integer> instance = () -> {
                String owner = "instance-" + Thread.currentThread().getId();
                int n = workers.workOnce(owner) ? 1 : 0;
                firstFileDone.await();
                while (workers.workOnce(owner)) {
                    n++;
                }
                return n;
            };
            Future<Integer> first = pool.submit(instance);
            Future<Integer> second = pool.submit(instance);
            int x = first.get();
            int y = second.get();
            assertEquals(30, x + y);
            assertTrue(x > 0 && y > 0, "both instances worked: " + x + " and " + y);
            assertEquals(AuditState.FINISHED, audits.get(id).orElseThrow().status());
            files(id).forEach((fileId, f) -> {
                assertEquals("done", f[0]);
                assertEquals(1, f[3], "checks of file " + fileId);
                assertEquals(1, f[1], "attempts of file " + fileId);
            });
        } finally {
            pool.shutdownNow();
            workers.resume();
        }
    }
}
