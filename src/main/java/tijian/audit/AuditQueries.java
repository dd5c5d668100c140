package tijian.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import tijian.audit.AuditViews.Attempt;
import tijian.audit.AuditViews.Audit;
import tijian.audit.AuditViews.Changes;
import tijian.audit.AuditViews.Duplicate;
import tijian.audit.AuditViews.Failure;
import tijian.audit.AuditViews.Results;
import tijian.audit.AuditViews.Row;
import tijian.refusal.Refusal;
import tijian.rulebook.RuleBook;
import tijian.rules.Grade;
import tijian.rules.Item;
import tijian.rules.Severity;
import tijian.rules.Status;

/** Reading audits back: progress, failures and duplicates, results with their summary, a re-run's changes. */
@ApplicationScoped
public class AuditQueries {
    @Inject
    Db db;

    @Inject
    RuleBook ruleBook;

    public static final List<String> SORTS = AuditStatistics.SORTS;

    private record Head(UUID id, String name, Instant createdAt, UUID rerunOf) {}

    private record Counts(int total, int queued, int running, int done, int failed, int duplicates, Instant lastFinished) {
        int pending() { return queued + running; }
    }

    public List<Audit> list() {
        return db.read(c -> {
            List<Audit> audits = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select a.id, a.name, a.created_at, a.rerun_of,
                           count(f.id), count(*) filter (where f.state = 'queued'), count(*) filter (where f.state = 'running'),
                           count(*) filter (where f.state = 'done'), count(*) filter (where f.state = 'failed'),
                           count(*) filter (where f.state = 'duplicate'), max(f.finished_at)
                      from audit a left join audit_file f on f.audit_id = a.id
                     group by a.id order by a.created_at desc, a.id""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Head h = new Head(rs.getObject(1, UUID.class), rs.getString(2), Db.instant(rs.getTimestamp(3)), rs.getObject(4, UUID.class));
                    Counts n = new Counts(rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), Db.instant(rs.getTimestamp(11)));
                    audits.add(view(h, n, null, null));
                }
            }
            return audits;
        });
    }

    public Optional<Audit> get(UUID id) {
        return db.read(c -> {
            Head h = head(c, id);
            if (h == null) {
                return Optional.empty();
            }
            Counts n = counts(c, id);
            List<Failure> failures = new ArrayList<>();
            try (PreparedStatement ps = Db.prepare(c, """
                    select id, path, error_code, error_message, attempts from audit_file
                     where audit_id = ? and state = 'failed' order by seq""", id);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    failures.add(new Failure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            new ArrayList<>()));
                }
            }
            if (!failures.isEmpty()) {
                Map<Long, List<Attempt>> tries = new HashMap<>();
                failures.forEach(f -> tries.put(f.fileId(), f.tries()));
                try (PreparedStatement ps = Db.prepare(c, """
                        select t.file_id, t.owner, t.started_at, t.finished_at, t.outcome from audit_file_attempt t
                          join audit_file f on f.id = t.file_id
                         where f.audit_id = ? and f.state = 'failed' order by t.id""", id);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tries.get(rs.getLong(1)).add(new Attempt(rs.getString(2), Db.instant(rs.getTimestamp(3)),
                                Db.instant(rs.getTimestamp(4)), rs.getString(5)));
                    }
                }
            }
            List<Duplicate> duplicates = new ArrayList<>();
            try (PreparedStatement ps = Db.prepare(c, """
                    select f.id, f.path, d.id, d.path from audit_file f join audit_file d on d.id = f.duplicate_of
                     where f.audit_id = ? and f.state = 'duplicate' order by f.seq""", id);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    duplicates.add(new Duplicate(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return Optional.of(view(h, n, failures, duplicates));
        });
    }

    private static Audit view(Head h, Counts n, List<Failure> failures, List<Duplicate> duplicates) {
        AuditState status = n.pending() == 0 ? AuditState.FINISHED
                : n.running() == 0 && n.done() + n.failed() == 0 ? AuditState.QUEUED : AuditState.RUNNING;
        Instant finishedAt = n.pending() == 0 ? (n.lastFinished() == null ? h.createdAt() : n.lastFinished()) : null;
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double elapsed = Math.max(0, Duration.between(h.createdAt(), end).toMillis() / 1000.0);
        int finished = n.done() + n.failed() + n.duplicates();
        double progress = n.total() == 0 ? 1.0 : Math.round(10000.0 * finished / n.total()) / 10000.0;
        Map<String, String> links = new LinkedHashMap<>();
        String self = "/api/audits/" + h.id();
        links.put("self", self);
        links.put("results", self + "/results");
        links.put("csv", self + "/export.csv");
        links.put("xlsx", self + "/export.xlsx");
        if (h.rerunOf() != null) {
            links.put("changes", self + "/changes");
        }
        return new Audit(h.id(), h.name(), status, h.createdAt(), finishedAt, elapsed, n.total(), n.done(), n.failed(),
                n.duplicates(), n.pending(), progress, h.rerunOf(), failures, duplicates, links);
    }

    private static Head head(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = Db.prepare(c, "select id, name, created_at, rerun_of from audit where id = ?", id);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Head(rs.getObject(1, UUID.class), rs.getString(2), Db.instant(rs.getTimestamp(3)), rs.getObject(4, UUID.class)) : null;
        }
    }

    private static Counts counts(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = Db.prepare(c, """
                select count(*), count(*) filter (where state = 'queued'), count(*) filter (where state = 'running'),
                       count(*) filter (where state = 'done'), count(*) filter (where state = 'failed'),
                       count(*) filter (where state = 'duplicate'), max(finished_at)
                  from audit_file where audit_id = ?""", id);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), Db.instant(rs.getTimestamp(7)));
        }
    }

    // ---- results ----

    List<FileResult> fileResults(UUID auditId) {
        return db.read(c -> {
            Map<UUID, Map<String, Status>> statuses = new HashMap<>();
            Map<UUID, Map<String, Severity>> severities = new HashMap<>();
            try (PreparedStatement ps = Db.prepare(c, """
                    select i.check_id, i.item_id, i.status, i.severity from check_item i
                      join audit_file f on f.check_id = i.check_id where f.audit_id = ? order by i.item_id""", auditId);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID check = rs.getObject(1, UUID.class);
                    statuses.computeIfAbsent(check, k -> new TreeMap<>()).put(rs.getString(2), Status.valueOf(rs.getString(3)));
                    severities.computeIfAbsent(check, k -> new TreeMap<>()).put(rs.getString(2), Severity.valueOf(rs.getString(4)));
                }
            }
            List<FileResult> rows = new ArrayList<>();
            try (PreparedStatement ps = Db.prepare(c, """
                    select f.id, f.seq, f.path, f.state, f.duplicate_of, f.error_code, f.error_message, f.check_id,
                           f.unit_key, r.unit, coalesce(r.year, f.year), r.score, r.grade, r.revision
                      from audit_file f left join report_check r on r.id = f.check_id
                     where f.audit_id = ? order by f.seq""", auditId);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID check = rs.getObject(8, UUID.class);
                    Long dup = Db.longOrNull(rs, 5);
                    Integer year = Db.intOrNull(rs, 11);
                    Double score = Db.doubleOrNull(rs, 12);
                    String grade = rs.getString(13);
                    rows.add(new FileResult(rs.getLong(1), rs.getInt(2), rs.getString(3), FileState.of(rs.getString(4)), dup,
                            rs.getString(6), rs.getString(7), check, rs.getString(9), rs.getString(10), year, score,
                            grade == null ? null : Grade.ofLabel(grade), rs.getString(14),
                            check == null ? Map.of() : statuses.getOrDefault(check, Map.of()),
                            check == null ? Map.of() : severities.getOrDefault(check, Map.of())));
                }
            }
            return rows;
        });
    }

    public Optional<Results> results(UUID id, String sort, String order) {
        String s = sort == null || sort.isBlank() ? "score" : sort.toLowerCase(Locale.ROOT);
        String o = order == null || order.isBlank() ? (s.equals("score") ? "desc" : "asc") : order.toLowerCase(Locale.ROOT);
        if (!SORTS.contains(s)) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "bad-sort", "sort 只能是 " + String.join("|", SORTS) + "。", "sort must be one of " + SORTS + ".");
        }
        if (!o.equals("asc") && !o.equals("desc")) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "bad-order", "order 只能是 asc 或 desc。", "order must be asc or desc.");
        }
        Optional<Audit> audit = get(id);
        if (audit.isEmpty()) {
            return Optional.empty();
        }
        List<FileResult> files = fileResults(id);
        List<Row> rows = new ArrayList<>(AuditStatistics.rows(files));
        rows.sort(AuditStatistics.comparator(s, o.equals("desc")));
        return Optional.of(new Results(id, audit.get().name(), audit.get().status(), s, o, rows,
                AuditStatistics.summary(files, titles())));
    }

    /** Item titles from the live rules (ids of items the rules no longer have stand for themselves). */
    public Map<String, String> titles() {
        Map<String, String> titles = new HashMap<>();
        ruleBook.live().ifPresent(l -> {
            for (Item item : l.rules().items().values()) {
                titles.put(item.id(), item.title());
            }
        });
        return titles;
    }

    public Optional<Changes> changes(UUID id) {
        Optional<Audit> audit = get(id);
        if (audit.isEmpty()) {
            return Optional.empty();
        }
        UUID before = audit.get().rerunOf();
        if (before == null) {
            throw new Refusal(Refusal.Kind.CONFLICT, "not-a-rerun", "这次体检不是重新体检，没有可比较的上一次。",
                    "This audit is not a re-run: there is nothing to compare it with.");
        }
        return Optional.of(AuditStatistics.changes(id, before, fileResults(before), fileResults(id)));
    }
}
