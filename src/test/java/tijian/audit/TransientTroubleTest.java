package tijian.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

import tijian.check.CheckService;
import tijian.db.EmbeddedDatabaseResource;
import tijian.ingest.Refusals;

/** Issue 9: an audit run during a busy spell (and a database hiccup) ends with every good file checked once. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class TransientTroubleTest {
    @Inject
    AuditIntake intake;

    @Inject
    AuditQueries audits;

    @Inject
    AuditQueue queue;

    @Inject
    CheckService checks;

    @Inject
    DataSource dataSource;

    /** Answers "busy" until the spell is over, then fails twice as if the database went away, then checks. */
    @Vetoed
    static final class Troubled extends CheckService {
        final CheckService real;
        final AtomicLong busyUntil = new AtomicLong();
        final AtomicInteger databaseFaults = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        Troubled(CheckService real) {
            this.real = real;
        }

        @Override
        public Outcome evaluate(byte[] content, String fileName, String contentType) {
            if (System.currentTimeMillis() < busyUntil.get()) {
                refused.incrementAndGet();
                throw Refusals.busy();
            }
            if (databaseFaults.getAndDecrement() > 0) {
                refused.incrementAndGet();
                throw new Db.DbException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            }
            return real.evaluate(content, fileName, contentType);
        }

        @Override
        public void storeForAuditFile(Outcome outcome, long auditFileId) {
            real.storeForAuditFile(outcome, auditFileId);
        }
    }

    @Test
    void anAuditDuringABusySpellEndsWithEveryGoodFileDone() throws Exception {
        Troubled troubled = new Troubled(ClientProxy.unwrap(checks));
        troubled.busyUntil.set(System.currentTimeMillis() + 4000);
        troubled.databaseFaults.set(2);
        QuarkusMock.installMockForType(troubled, CheckService.class);

        UUID id = intake.submit("busy spell", AuditQueueTest.uploads(9100, 6)).id();
        long deadline = System.currentTimeMillis() + 120_000;
        while (audits.get(id).orElseThrow().pending() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        var audit = audits.get(id).orElseThrow();
        assertEquals(0, audit.pending(), "finished");
        assertEquals(List.of(), audit.failures(), "no file failed for the service's trouble");
        assertEquals(6, audit.done());
        assertTrue(troubled.refused.get() > 0, "the spell did refuse files");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select count(*) from audit_file f join report_check r on r.audit_file_id = f.id where f.audit_id = ?""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(6, rs.getInt(1), "every file checked exactly once");
            }
        }
    }

    @Test
    void aTimeoutIsTriedAgainAndFailsOnlyWhenItRepeats() throws Exception {
        CheckService real = ClientProxy.unwrap(checks);
        AtomicInteger calls = new AtomicInteger();
        List<AuditIntake.Upload> upload = AuditQueueTest.uploads(9200, 1);
        @Vetoed
        final class AlwaysSlow extends CheckService {
            @Override
            public Outcome evaluate(byte[] content, String fileName, String contentType) {
                if (upload.get(0).fileName().equals(fileName)) {
                    calls.incrementAndGet();
                }
                throw Refusals.timeout();
            }
        }
        QuarkusMock.installMockForType(new AlwaysSlow(), CheckService.class);
        UUID id = intake.submit("slow", upload).id();
        long deadline = System.currentTimeMillis() + 60_000;
        while (audits.get(id).orElseThrow().pending() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        var audit = audits.get(id).orElseThrow();
        assertEquals(1, audit.failed());
        assertEquals("timeout", audit.failures().get(0).code());
        assertEquals(3, calls.get(), "tried max-attempts times");
        assertTrue(real != null);
    }

    @Test
    void leasesOfFilesInHandAreRenewed() throws Exception {
        UUID id = intake.submit("lease", AuditQueueTest.uploads(9300, 1)).id();
        // act as another instance that holds the file under a short lease
        var held = queue.claim("renew-test", 1, Duration.ofSeconds(2));
        if (!held.isEmpty()) { // else this instance's workers were quicker; nothing to renew here
            renewed(held.get(0));
        }
        long until = System.currentTimeMillis() + 60_000;
        while (audits.get(id).orElseThrow().pending() > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
    }

    void renewed(AuditQueue.Claimed file) throws Exception {
        var held = List.of(file);
        assertEquals(1, queue.renew("renew-test", List.of(held.get(0).id()), Duration.ofMinutes(10)));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select lease_expires_at > now() + interval '9 minutes' from audit_file where id = ?")) {
            ps.setLong(1, held.get(0).id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertTrue(rs.getBoolean(1));
            }
        }
        queue.release(held.get(0), "renew-test");
    }
}
