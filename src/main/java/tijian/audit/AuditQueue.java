package tijian.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

import tijian.check.CheckService;

/**
 * The work queue, kept in PostgreSQL so that every service instance on the database shares it and a restart
 * loses nothing. A row of {@code audit_file} is queued → running (claimed under a lease) → done | failed. A worker
 * claims with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers never take the same row; a running row whose
 * lease has expired (its instance died) is claimed again. Finishing is conditional on still holding the lease and
 * happens in the transaction that stores the check, and {@code report_check.audit_file_id} is unique: a file gets
 * exactly one stored check however often it was claimed.
 */
@ApplicationScoped
public class AuditQueue {
    @Inject
    Db db;

    @Inject
    CheckService checks;

    /** A file a worker holds: attempts counts claims, this one included. */
    public record Claimed(long id, UUID auditId, String path, String sha256, int attempts) {}

    /** Claims up to {@code n} files, oldest first, for {@code owner} until now + lease. */
    public List<Claimed> claim(String owner, int n, Duration lease) {
        return db.tx(c -> {
            try (PreparedStatement ps = Db.prepare(c, """
                    with next as (
                        select id from audit_file
                        where state in ('queued', 'running')
                          and (state = 'queued' or lease_expires_at < now())
                          and (not_before is null or not_before <= now())
                        order by id
                        limit ?
                        for update skip locked)
                    update audit_file f
                       set state = 'running', lease_owner = ?, attempts = f.attempts + 1,
                           lease_expires_at = now() + make_interval(secs => ?), started_at = now()
                      from next
                     where f.id = next.id
                    returning f.id, f.audit_id, f.path, f.sha256, f.attempts
                    """, n, owner, lease.toMillis() / 1000.0);
                 ResultSet rs = ps.executeQuery()) {
                List<Claimed> claimed = new ArrayList<>();
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5)));
                }
                claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
                return claimed;
            }
        });
    }

    /** The bytes of a claimed file. */
    public byte[] content(String sha256) {
        return db.read(c -> {
            try (PreparedStatement ps = Db.prepare(c, "select bytes from file_content where sha256 = ?", sha256);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        });
    }

    /**
     * Stores the check and marks the file done, in one transaction, if {@code owner} still holds it. The check is an
     * entity (Hibernate) and the queue row is SQL (JDBC through {@link Db}); both run in the same JTA transaction,
     * so they commit or roll back together.
     *
     * @return false when the lease was lost (another instance took the file over); nothing is stored then
     */
    public boolean finish(Claimed file, String owner, CheckService.Outcome outcome, String unitKey, Integer year) {
        try {
            QuarkusTransaction.requiringNew().run(() -> db.tx(c -> {
                try (PreparedStatement ps = Db.prepare(c,
                        "select 1 from audit_file where id = ? and state = 'running' and lease_owner = ? for update", file.id(), owner);
                     ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new LeaseLost();
                    }
                }
                Long original = sameReportDone(c, file, CheckService.textFingerprint(outcome.report().getText()));
                if (original != null) {
                    try (PreparedStatement ps = Db.prepare(c, """
                            update audit_file set state = 'duplicate', duplicate_of = ?, unit_key = ?, year = ?,
                                   finished_at = now(), lease_owner = null, lease_expires_at = null,
                                   error_code = null, error_message = null
                             where id = ?""", original, unitKey, year, file.id())) {
                        ps.executeUpdate();
                    }
                    return null;
                }
                checks.storeForAuditFile(outcome, file.id());
                try (PreparedStatement ps = Db.prepare(c, """
                        update audit_file set state = 'done', check_id = ?, unit_key = ?, year = ?, finished_at = now(),
                               lease_owner = null, lease_expires_at = null, error_code = null, error_message = null
                         where id = ?""", outcome.view().id(), unitKey, year, file.id())) {
                    ps.executeUpdate();
                }
                return null;
            }));
            return true;
        } catch (LeaseLost e) {
            return false;
        }
    }

    /**
     * The file of the same audit already checked with the same report text (another format of it), or null. Two
     * workers finishing two formats of one report at once take turns on a lock of the audit and the fingerprint,
     * so exactly one of them is stored.
     */
    private static Long sameReportDone(Connection c, Claimed file, String fingerprint) throws SQLException {
        try (PreparedStatement ps = Db.prepare(c, "select pg_advisory_xact_lock(hashtextextended(?, 0))",
                file.auditId() + "/" + fingerprint);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
        try (PreparedStatement ps = Db.prepare(c, """
                select f.id from audit_file f join report_check r on r.id = f.check_id
                 where f.audit_id = ? and f.state = 'done' and r.text_fingerprint = ? and f.id <> ?
                 order by f.seq limit 1""", file.auditId(), fingerprint, file.id());
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    /** Marks a held file failed with its reason. */
    public boolean fail(Claimed file, String owner, String code, String message) {
        return db.tx(c -> {
            try (PreparedStatement ps = Db.prepare(c, """
                    update audit_file set state = 'failed', error_code = ?, error_message = ?, finished_at = now(),
                           lease_owner = null, lease_expires_at = null
                     where id = ? and state = 'running' and lease_owner = ?""",
                    truncate(code, 64), message, file.id(), owner)) {
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Gives a held file back to the queue untried (no rules live, shutting down). */
    public boolean release(Claimed file, String owner) {
        return db.tx(c -> {
            try (PreparedStatement ps = Db.prepare(c, """
                    update audit_file set state = 'queued', lease_owner = null, lease_expires_at = null,
                           attempts = greatest(attempts - 1, 0)
                     where id = ? and state = 'running' and lease_owner = ?""", file.id(), owner)) {
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Gives a held file back to the queue after a refusal that was not the file's fault, to be claimed again no
     * sooner than after {@code backoff} doubled per earlier retry (at most {@code maxBackoff}).
     *
     * @param countAttempt whether this claim counts toward {@code checker.audit.max-attempts} (a timeout, which may
     *                     be the file's own fault, does; the service being busy or the database gone does not)
     * @return false when the file was no longer held
     */
    public boolean retryLater(Claimed file, String owner, boolean countAttempt, Duration backoff, Duration maxBackoff,
                              String code) {
        return db.tx(c -> {
            try (PreparedStatement ps = Db.prepare(c, """
                    update audit_file set state = 'queued', lease_owner = null, lease_expires_at = null,
                           attempts = case when ? then attempts else greatest(attempts - 1, 0) end,
                           retries = retries + 1, error_code = ?,
                           not_before = now() + make_interval(secs => least(?, ? * power(2, least(retries, 20))))
                     where id = ? and state = 'running' and lease_owner = ?""",
                    countAttempt, truncate(code, 64), maxBackoff.toMillis() / 1000.0, backoff.toMillis() / 1000.0,
                    file.id(), owner)) {
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Extends the leases of the files {@code owner} is working on, so that a long check is not taken over. */
    public int renew(String owner, java.util.Collection<Long> fileIds, Duration lease) {
        if (fileIds.isEmpty()) {
            return 0;
        }
        return db.tx(c -> {
            try (PreparedStatement ps = Db.prepare(c, """
                    update audit_file set lease_expires_at = now() + make_interval(secs => ?)
                     where id = any (?) and state = 'running' and lease_owner = ?""",
                    lease.toMillis() / 1000.0, c.createArrayOf("bigint", fileIds.toArray()), owner)) {
                return ps.executeUpdate();
            }
        });
    }

    /** Whether any file waits (queued, or running under an expired lease). */
    public boolean hasWork() {
        return db.read(c -> {
            try (PreparedStatement ps = Db.prepare(c, """
                    select exists (select 1 from audit_file where state in ('queued', 'running')
                                   and (state = 'queued' or lease_expires_at < now())
                                   and (not_before is null or not_before <= now()))""");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The lease was lost: another instance took over the file after this one's lease expired. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }
}
