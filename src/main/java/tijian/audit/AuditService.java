package tijian.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;

import tijian.audit.AuditViews.Audit;
import tijian.audit.AuditViews.Band;
import tijian.audit.AuditViews.Change;
import tijian.audit.AuditViews.Changes;
import tijian.audit.AuditViews.Duplicate;
import tijian.audit.AuditViews.Failure;
import tijian.audit.AuditViews.ItemChange;
import tijian.audit.AuditViews.ItemStat;
import tijian.audit.AuditViews.Results;
import tijian.audit.AuditViews.Row;
import tijian.audit.AuditViews.Submitted;
import tijian.audit.AuditViews.Summary;
import tijian.audit.AuditViews.UnitRank;
import tijian.ingest.SafeZip;
import tijian.refusal.Refusal;
import tijian.rules.Grade;
import tijian.rules.Item;
import tijian.rulebook.RuleBook;
import tijian.rules.Status;

/** Audits: submission (files stored before answering), progress, results with a summary, re-runs and their diff. */
@ApplicationScoped
public class AuditService {
    static final List<String> GRADE_ORDER = List.of(Grade.EXCELLENT.label(), Grade.GOOD.label(), Grade.PASS.label(), Grade.FAIL.label());

    @Inject
    Db db;

    @Inject
    AuditWorkers workers;

    @Inject
    RuleBook ruleBook;

    @ConfigProperty(name = "checker.audit.max-files")
    int maxFiles;

    @ConfigProperty(name = "checker.audit.max-zip-entry-bytes")
    long maxEntryBytes;

    @ConfigProperty(name = "checker.audit.max-unzipped-bytes")
    long maxUnzippedBytes;

    /** One uploaded part: a file, or a zip to unpack. */
    public record Upload(String fileName, byte[] bytes) {}

    /** Audit uploads being unpacked and stored at once; more wait (each holds at most one entry in memory). */
    private final java.util.concurrent.Semaphore unpacking = new java.util.concurrent.Semaphore(2, true);

    /**
     * Unpacks zips and stores every file with its state as it comes out of the archive (one entry in memory at a
     * time), all in one transaction, and only then returns: nothing uploaded is lost, and a refused upload leaves
     * nothing behind. One budget of {@code checker.audit.max-unzipped-bytes} covers every file of the audit, zipped
     * or not, and is checked while inflating.
     */
    public Submitted submit(String name, List<Upload> uploads) {
        String auditName = name == null || name.isBlank() ? null : name.strip();
        if (auditName != null && auditName.length() > 200) {
            auditName = auditName.substring(0, 200);
        }
        UUID id = UUID.randomUUID();
        String finalName = auditName;
        try {
            if (!unpacking.tryAcquire(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new Refusal(Refusal.Kind.BUSY, "busy", "服务器正忙于接收其他批量上传，请稍后再试。",
                        "The server is busy receiving other audit uploads; please try again shortly.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(Refusal.Kind.BUSY, "busy", "服务器正忙，请稍后再试。", "The server is busy; please try again shortly.");
        }
        Inserted inserted;
        try {
            inserted = db.tx(c -> {
                Inserter in = new Inserter(c, id);
                try (PreparedStatement ps = Db.prepare(c, "insert into audit (id, name, created_at, rerun_of, file_count) values (?, ?, now(), null, 0)",
                        id, finalName)) {
                    ps.executeUpdate();
                }
                for (Upload u : uploads) {
                    if (isZip(u.fileName())) {
                        // nested archives refused (depth 0): a district's reports come as files in folders
                        SafeZip.Limits limits = new SafeZip.Limits(maxFiles, maxUnzippedBytes - in.bytes,
                                maxEntryBytes, 100, 0);
                        SafeZip.forEach(u.bytes(), limits, e -> in.add(e.path(), e.bytes()));
                    } else {
                        if (in.bytes + u.bytes().length > maxUnzippedBytes) {
                            throw new Refusal(Refusal.Kind.TOO_LARGE, "too-large", "本次体检的文件总大小超过 " + maxUnzippedBytes / (1024 * 1024) + " MB。",
                                    "The files of an audit may total at most " + maxUnzippedBytes / (1024 * 1024) + " MB.");
                        }
                        in.add(u.fileName() == null || u.fileName().isBlank() ? "file-" + (in.count + 1) : u.fileName(), u.bytes());
                    }
                }
                if (in.count == 0) {
                    throw new Refusal(Refusal.Kind.BAD_INPUT, "no-files", "没有收到报告文件：请在表单字段 file 中上传报告，或上传一个 .zip 压缩包。",
                            "No report files: upload them in form parts named \"file\", or one .zip.");
                }
                try (PreparedStatement ps = Db.prepare(c, "update audit set file_count = ? where id = ?", in.count, id)) {
                    ps.executeUpdate();
                }
                in.close();
                return new Inserted(in.count, in.duplicates);
            });
        } finally {
            unpacking.release();
        }
        workers.wake();
        return new Submitted(id, auditName, inserted.files(), inserted.duplicates(), "queued", "/api/audits/" + id);
    }

    private record Inserted(int files, int duplicates) {}

    static boolean isZip(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /**
     * Stores the files of a new audit one by one: the bytes once per content (sha256), a queued row per file, or a
     * duplicate row pointing at the first file of the audit with the same content.
     */
    private final class Inserter {
        final UUID auditId;
        final PreparedStatement content;
        final PreparedStatement file;
        final Map<String, Long> firstBySha = new HashMap<>();
        int count;
        int duplicates;
        long bytes;

        Inserter(Connection c, UUID auditId) throws SQLException {
            this.auditId = auditId;
            this.content = c.prepareStatement(
                    "insert into file_content (sha256, byte_count, bytes) values (?, ?, ?) on conflict (sha256) do nothing");
            this.file = c.prepareStatement("""
                    insert into audit_file (audit_id, seq, path, sha256, byte_count, state, duplicate_of, finished_at)
                    values (?, ?, ?, ?, ?, ?, ?, case when ? then now() end) returning id""");
        }

        void add(String path, byte[] data) {
            if (count >= maxFiles) {
                throw new Refusal(Refusal.Kind.TOO_LARGE, "too-many-files", "一次体检最多 " + maxFiles + " 个文件。",
                        "An audit takes at most " + maxFiles + " files.");
            }
            count++;
            bytes += data.length;
            try {
                String sha = sha256(data);
                Long first = firstBySha.get(sha);
                if (first == null) {
                    content.setString(1, sha);
                    content.setLong(2, data.length);
                    content.setBytes(3, data);
                    content.executeUpdate();
                }
                file.setObject(1, auditId);
                file.setInt(2, count);
                file.setString(3, path.length() > 1000 ? path.substring(0, 1000) : path);
                file.setString(4, sha);
                file.setLong(5, data.length);
                file.setString(6, first == null ? "queued" : "duplicate");
                file.setObject(7, first);
                file.setBoolean(8, first != null);
                try (ResultSet rs = file.executeQuery()) {
                    rs.next();
                    if (first == null) {
                        firstBySha.put(sha, rs.getLong(1));
                    } else {
                        duplicates++;
                    }
                }
            } catch (SQLException e) {
                throw new Db.DbException(e);
            }
        }

        void close() throws SQLException {
            content.close();
            file.close();
        }
    }

    /** Checks the files of an audit again with the live rules: a new audit linked to the old one. */
    public Optional<Submitted> rerun(UUID of) {
        ruleBook.active(); // no rule set → 503 now, rather than a queue that waits
        Optional<Submitted> submitted = db.tx(c -> {
            String name;
            try (PreparedStatement ps = Db.prepare(c, "select name from audit where id = ? for update", of);
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                name = rs.getString(1);
            }
            UUID id = UUID.randomUUID();
            String newName = name == null ? "重新体检" : (name.length() > 190 ? name.substring(0, 190) : name) + "（重新体检）";
            int total;
            try (PreparedStatement ps = Db.prepare(c, "select count(*) from audit_file where audit_id = ?", of);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getInt(1);
            }
            try (PreparedStatement ps = Db.prepare(c, "insert into audit (id, name, created_at, rerun_of, file_count) values (?, ?, now(), ?, ?)",
                    id, newName, of, total)) {
                ps.executeUpdate();
            }
            // Same files, same order, same bytes (shared by sha256); duplicates point at the new copy of their first.
            try (PreparedStatement ps = Db.prepare(c, """
                    insert into audit_file (audit_id, seq, path, sha256, byte_count, state, finished_at)
                    select ?, seq, path, sha256, byte_count,
                           case when duplicate_of is null then 'queued' else 'duplicate' end,
                           case when duplicate_of is null then null else now() end
                      from audit_file where audit_id = ? order by seq""", id, of)) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = Db.prepare(c, """
                    update audit_file n set duplicate_of = nf.id
                      from audit_file o, audit_file od, audit_file nf
                     where n.audit_id = ? and o.audit_id = ? and o.seq = n.seq and o.duplicate_of = od.id
                       and nf.audit_id = n.audit_id and nf.seq = od.seq""", id, of)) {
                ps.executeUpdate();
            }
            int duplicates;
            try (PreparedStatement ps = Db.prepare(c, "select count(*) from audit_file where audit_id = ? and state = 'duplicate'", id);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                duplicates = rs.getInt(1);
            }
            return Optional.of(new Submitted(id, newName, total, duplicates, "queued", "/api/audits/" + id));
        });
        submitted.ifPresent(s -> workers.wake());
        return submitted;
    }

    // ---- progress ----

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
                    Head h = new Head(rs.getObject(1, UUID.class), rs.getString(2), instant(rs.getTimestamp(3)), rs.getObject(4, UUID.class));
                    Counts n = new Counts(rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), instant(rs.getTimestamp(11)));
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
                    failures.add(new Failure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
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
        String status = n.pending() == 0 ? "finished" : n.running() == 0 && n.done() + n.failed() == 0 ? "queued" : "running";
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
            return rs.next() ? new Head(rs.getObject(1, UUID.class), rs.getString(2), instant(rs.getTimestamp(3)), rs.getObject(4, UUID.class)) : null;
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
            return new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), instant(rs.getTimestamp(7)));
        }
    }

    // ---- results ----

    /** A file of an audit with its check's figures, the raw material of results, exports and diffs. */
    record FileResult(long fileId, int seq, String path, String state, Long duplicateOf, String errorCode, String error,
                      UUID checkId, String unitKey, String unitAsWritten, Integer year, Double score, String grade,
                      String revision, Map<String, String> statuses, Map<String, String> severities) {
        boolean checked() { return "done".equals(state) && checkId != null; }

        int count(Status s) {
            int n = 0;
            for (String v : statuses.values()) {
                if (v.equals(s.name())) {
                    n++;
                }
            }
            return n;
        }

        List<String> mandatoryFailures() {
            List<String> ids = new ArrayList<>();
            statuses.forEach((item, status) -> {
                if (Status.FAIL.name().equals(status) && "MANDATORY".equals(severities.get(item))) {
                    ids.add(item);
                }
            });
            return ids;
        }
    }

    List<FileResult> fileResults(UUID auditId) {
        return db.read(c -> {
            Map<UUID, Map<String, String>> statuses = new HashMap<>();
            Map<UUID, Map<String, String>> severities = new HashMap<>();
            try (PreparedStatement ps = Db.prepare(c, """
                    select i.check_id, i.item_id, i.status, i.severity from check_item i
                      join audit_file f on f.check_id = i.check_id where f.audit_id = ? order by i.item_id""", auditId);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID check = rs.getObject(1, UUID.class);
                    statuses.computeIfAbsent(check, k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                    severities.computeIfAbsent(check, k -> new TreeMap<>()).put(rs.getString(2), rs.getString(4));
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
                    Long dup = rs.getLong(5);
                    if (rs.wasNull()) {
                        dup = null;
                    }
                    Integer year = rs.getInt(11);
                    if (rs.wasNull()) {
                        year = null;
                    }
                    Double score = rs.getDouble(12);
                    if (rs.wasNull()) {
                        score = null;
                    }
                    rows.add(new FileResult(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), dup, rs.getString(6),
                            rs.getString(7), check, rs.getString(9), rs.getString(10), year, score, rs.getString(13), rs.getString(14),
                            check == null ? Map.of() : statuses.getOrDefault(check, Map.of()),
                            check == null ? Map.of() : severities.getOrDefault(check, Map.of())));
                }
            }
            return rows;
        });
    }

    public static final List<String> SORTS = List.of("score", "unit", "grade", "failures", "year", "file");

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
        Map<Long, Integer> ranks = ranks(files);
        Map<Long, String> paths = new HashMap<>();
        files.forEach(f -> paths.put(f.fileId(), f.path()));
        List<Row> rows = new ArrayList<>();
        for (FileResult f : files) {
            rows.add(row(f, ranks.get(f.fileId()), paths));
        }
        rows.sort(comparator(s, o.equals("desc")));
        return Optional.of(new Results(id, audit.get().name(), audit.get().status(), s, o, rows, summary(files)));
    }

    static Row row(FileResult f, Integer rank, Map<Long, String> paths) {
        if (!f.checked()) {
            return new Row(null, f.fileId(), f.seq(), f.path(), f.state(), null, null, null, null, null, null, null, null, null,
                    null, f.duplicateOf() == null ? null : paths.get(f.duplicateOf()), f.errorCode(), f.error());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Status st : List.of(Status.PASS, Status.WARN, Status.FAIL, Status.NOT_APPLICABLE)) {
            counts.put(st.name(), f.count(st));
        }
        return new Row(rank, f.fileId(), f.seq(), f.path(), f.state(), f.unitKey(), f.unitAsWritten(), f.year(), f.score(),
                f.grade(), counts, f.count(Status.FAIL), f.mandatoryFailures(), f.checkId(), "/api/checks/" + f.checkId(),
                null, null, null);
    }

    /** Competition ranking by score, best first (1, 2, 2, 4); only checked files have a rank. */
    static Map<Long, Integer> ranks(List<FileResult> files) {
        List<FileResult> checked = files.stream().filter(FileResult::checked)
                .sorted(Comparator.comparing(FileResult::score).reversed()).toList();
        Map<Long, Integer> ranks = new HashMap<>();
        for (int i = 0; i < checked.size(); i++) {
            boolean tie = i > 0 && checked.get(i).score().equals(checked.get(i - 1).score());
            ranks.put(checked.get(i).fileId(), tie ? ranks.get(checked.get(i - 1).fileId()) : i + 1);
        }
        return ranks;
    }

    static Comparator<Row> comparator(String sort, boolean desc) {
        Comparator<Row> key = switch (sort) {
            case "unit" -> Comparator.comparing(Row::unit, nullsLast(Comparator.<String>naturalOrder()));
            case "grade" -> Comparator.comparing(r -> r.grade() == null ? null : -GRADE_ORDER.indexOf(r.grade()), nullsLast(Comparator.<Integer>naturalOrder()));
            case "failures" -> Comparator.comparing(Row::failures, nullsLast(Comparator.<Integer>naturalOrder()));
            case "year" -> Comparator.comparing(Row::year, nullsLast(Comparator.<Integer>naturalOrder()));
            case "file" -> Comparator.comparing(Row::file);
            default -> Comparator.comparing(Row::score, nullsLast(Comparator.<Double>naturalOrder()));
        };
        // Files without a result (failed, duplicate) stay at the end either way.
        Comparator<Row> ordered = (a, b) -> {
            boolean an = a.checkId() == null;
            boolean bn = b.checkId() == null;
            if (an != bn) {
                return an ? 1 : -1;
            }
            int cmp = key.compare(a, b);
            return desc ? -cmp : cmp;
        };
        return ordered.thenComparingInt(Row::seq);
    }

    private static <T> Comparator<T> nullsLast(Comparator<T> c) {
        return Comparator.nullsLast(c);
    }

    Summary summary(List<FileResult> files) {
        List<FileResult> checked = files.stream().filter(FileResult::checked).toList();
        int n = checked.size();
        List<Double> scores = checked.stream().map(FileResult::score).sorted().toList();
        Double mean = n == 0 ? null : round1(scores.stream().mapToDouble(Double::doubleValue).sum() / n);
        Double median = n == 0 ? null : n % 2 == 1 ? scores.get(n / 2) : round1((scores.get(n / 2 - 1) + scores.get(n / 2)) / 2);
        Map<String, Integer> grades = new LinkedHashMap<>();
        GRADE_ORDER.forEach(g -> grades.put(g, 0));
        checked.forEach(f -> grades.merge(f.grade(), 1, Integer::sum));
        List<Band> bands = new ArrayList<>();
        double[][] edges = {{0, 60}, {60, 70}, {70, 80}, {80, 90}, {90, 100}};
        for (double[] e : edges) {
            boolean top = e[1] == 100;
            int count = (int) scores.stream().filter(s -> s >= e[0] && (s < e[1] || top && s <= e[1])).count();
            bands.add(new Band((int) e[0] + "-" + (top ? "100" : String.valueOf((int) e[1] - 1)) , e[0], e[1], count));
        }
        Map<String, int[]> perItem = new TreeMap<>();
        Map<String, String> severity = new HashMap<>();
        for (FileResult f : checked) {
            f.statuses().forEach((item, status) -> {
                int[] fw = perItem.computeIfAbsent(item, k -> new int[2]);
                if (status.equals(Status.FAIL.name())) {
                    fw[0]++;
                } else if (status.equals(Status.WARN.name())) {
                    fw[1]++;
                }
                severity.putIfAbsent(item, f.severities().get(item));
            });
        }
        Map<String, String> titles = titles();
        List<ItemStat> failing = new ArrayList<>();
        perItem.forEach((item, fw) -> {
            if (fw[0] > 0) {
                failing.add(new ItemStat(item, titles.getOrDefault(item, item), severity.get(item), fw[0], fw[1], share(fw[0], n)));
            }
        });
        failing.sort(Comparator.comparingInt(ItemStat::fail).reversed().thenComparing(Comparator.comparingInt(ItemStat::warn).reversed())
                .thenComparing(ItemStat::item));
        return new Summary(n, mean, median, n == 0 ? null : scores.get(0), n == 0 ? null : scores.get(n - 1), grades, bands,
                failing, unitRanks(checked));
    }

    static List<UnitRank> unitRanks(List<FileResult> checked) {
        Map<String, List<FileResult>> byUnit = new TreeMap<>();
        for (FileResult f : checked) {
            byUnit.computeIfAbsent(f.unitKey() == null ? "（未识别单位）" : f.unitKey(), k -> new ArrayList<>()).add(f);
        }
        List<UnitRank> units = new ArrayList<>();
        byUnit.forEach((unit, fs) -> units.add(new UnitRank(0, unit, fs.size(),
                round1(fs.stream().mapToDouble(FileResult::score).sum() / fs.size()),
                fs.stream().map(FileResult::year).filter(y -> y != null).distinct().sorted().toList())));
        units.sort(Comparator.comparingDouble(UnitRank::score).reversed().thenComparing(UnitRank::unit));
        List<UnitRank> ranked = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            UnitRank u = units.get(i);
            int rank = i > 0 && u.score() == units.get(i - 1).score() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new UnitRank(rank, u.unit(), u.reports(), u.score(), u.years()));
        }
        return ranked;
    }

    /** Item titles from the live rules (ids of items the rules no longer have stand for themselves). */
    Map<String, String> titles() {
        Map<String, String> titles = new HashMap<>();
        ruleBook.live().ifPresent(l -> {
            for (Item item : l.rules().items().values()) {
                titles.put(item.id(), item.title());
            }
        });
        return titles;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double share(int count, int of) {
        return of == 0 ? 0 : Math.round(10000.0 * count / of) / 10000.0;
    }

    // ---- re-run diff ----

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
        Map<Integer, FileResult> old = new HashMap<>();
        fileResults(before).forEach(f -> old.put(f.seq(), f));
        List<Change> changes = new ArrayList<>();
        String revBefore = null;
        String revAfter = null;
        int changed = 0;
        for (FileResult now : fileResults(id)) {
            FileResult was = old.get(now.seq());
            if (was == null) {
                continue;
            }
            revBefore = revBefore == null ? was.revision() : revBefore;
            revAfter = revAfter == null ? now.revision() : revAfter;
            List<ItemChange> items = new ArrayList<>();
            TreeMap<String, String> all = new TreeMap<>();
            was.statuses().keySet().forEach(k -> all.put(k, ""));
            now.statuses().keySet().forEach(k -> all.put(k, ""));
            for (String item : all.keySet()) {
                String b = was.statuses().get(item);
                String a = now.statuses().get(item);
                if (b == null ? a != null : !b.equals(a)) {
                    items.add(new ItemChange(item, b, a));
                }
            }
            Double delta = was.score() != null && now.score() != null ? round1(now.score() - was.score()) : null;
            boolean differs = !items.isEmpty() || !now.state().equals(was.state())
                    || (delta != null && delta != 0) || !java.util.Objects.equals(was.grade(), now.grade());
            if (differs) {
                changed++;
            }
            changes.add(new Change(now.path(), now.unitKey() != null ? now.unitKey() : was.unitKey(), now.year() != null ? now.year() : was.year(),
                    was.state(), now.state(), was.score(), now.score(), delta, was.grade(), now.grade(), items, was.checkId(), now.checkId()));
        }
        return Optional.of(new Changes(id, before, revBefore, revAfter, changed, changes));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
