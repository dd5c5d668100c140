package tijian.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import tijian.audit.AuditViews.Submitted;
import tijian.config.CheckerConfig;
import tijian.ingest.SafeZip;
import tijian.refusal.Refusal;
import tijian.rulebook.RuleBook;

/**
 * How files come into audits: a submission (zips unpacked, every file stored before answering) and a re-run (the
 * same stored files queued again under the live rules).
 */
@ApplicationScoped
public class AuditIntake {
    @Inject
    CheckerConfig config;

    @Inject
    Db db;

    @Inject
    AuditWorkers workers;

    @Inject
    RuleBook ruleBook;

    /** One uploaded part: a file, or a zip to unpack. */
    public record Upload(String fileName, byte[] bytes) {}

    /** Audit uploads being unpacked and stored at once; more wait (each holds at most one entry in memory). */
    private final Semaphore unpacking = new Semaphore(2, true);

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
            if (!unpacking.tryAcquire(60, TimeUnit.SECONDS)) {
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
                        SafeZip.Limits limits = new SafeZip.Limits(config.audit().maxFiles(), config.audit().maxUnzippedBytes() - in.bytes,
                                config.audit().maxZipEntryBytes(), 100, 0);
                        SafeZip.forEach(u.bytes(), limits, e -> in.add(e.path(), e.bytes()));
                    } else {
                        if (in.bytes + u.bytes().length > config.audit().maxUnzippedBytes()) {
                            throw new Refusal(Refusal.Kind.TOO_LARGE, "too-large", "本次体检的文件总大小超过 " + config.audit().maxUnzippedBytes() / (1024 * 1024) + " MB。",
                                    "The files of an audit may total at most " + config.audit().maxUnzippedBytes() / (1024 * 1024) + " MB.");
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
        return new Submitted(id, auditName, inserted.files(), inserted.duplicates(), AuditState.QUEUED, "/api/audits/" + id);
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
            if (count >= config.audit().maxFiles()) {
                throw new Refusal(Refusal.Kind.TOO_LARGE, "too-many-files", "一次体检最多 " + config.audit().maxFiles() + " 个文件。",
                        "An audit takes at most " + config.audit().maxFiles() + " files.");
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
                file.setString(6, (first == null ? FileState.QUEUED : FileState.DUPLICATE).value());
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
            return Optional.of(new Submitted(id, newName, total, duplicates, AuditState.QUEUED, "/api/audits/" + id));
        });
        submitted.ifPresent(s -> workers.wake());
        return submitted;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
