package tijian.verdict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.quarkus.narayana.jta.QuarkusTransaction;

import tijian.check.CheckRecord;
import tijian.refusal.Refusal;
import tijian.rules.ChecklistItem;
import tijian.security.Caller;

/**
 * Inspectors' verdicts on findings: accepted, or wrong with a reason — the feedback that tells rule authors which
 * rules are wrong in practice. A finding is known by what it says, not where: its item, status, message and the
 * passages it quotes (offsets move when a line is added above; the quote does not). A verdict is kept for the report's
 * text (its fingerprint), so checking the same report again — a re-run, another format — shows it again as long as
 * the rules still say the same thing; once the finding changes, the old verdict no longer applies.
 */
@ApplicationScoped
public class Verdicts {
    static final int MAX_REASON = 2000;
    /** Reasons listed per item for rule authors, newest first. */
    static final int REASONS_SHOWN = 50;

    public enum Kind { accepted, wrong }

    /** One verdict as shown: on which item of which check, what, why, who, when. */
    public record Verdict(String item, String verdict, String reason, String by, Instant at, UUID givenOnCheck) {}

    /** How inspectors judged an item's findings, with the reasons for overruling it. */
    public record ItemVerdicts(int accepted, int wrong, List<Verdict> reasons) {}

    /** Records an inspector's verdict on the finding of {@code item} in a stored check; answers it as stored. */
    public Verdict decide(UUID checkId, String item, String verdict, String reason, Caller inspector) {
        Kind kind;
        try {
            kind = Kind.valueOf(verdict == null ? "" : verdict);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "bad-verdict", "verdict 应为 accepted（认可）或 wrong（判错）。",
                    "verdict must be accepted or wrong.");
        }
        String why = reason == null ? null : reason.strip();
        if (kind == Kind.wrong && (why == null || why.isEmpty())) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "reason-required", "判定检查结果有误时请写明理由，规则编写人员据此修改规则。",
                    "Say why the finding is wrong: rule authors fix the rules from the reasons.");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "reason-too-long", "理由不超过 " + MAX_REASON + " 字。",
                    "The reason must be at most " + MAX_REASON + " characters.");
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return QuarkusTransaction.requiringNew().call(() -> {
            CheckRecord r = readable(checkId, inspector);
            ChecklistItem finding = findings(r).get(item);
            if (finding == null) {
                throw new Refusal(Refusal.Kind.NOT_FOUND, "no-such-finding", "这次体检中没有检查项 " + item + "。",
                        "This check has no item " + item + ".");
            }
            CheckRecord.getEntityManager().createNativeQuery("""
                            insert into finding_verdict (text_fingerprint, item_id, finding_key, check_id, verdict, reason, decided_by, decided_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                            on conflict (text_fingerprint, finding_key) do update set check_id = excluded.check_id,
                              verdict = excluded.verdict, reason = excluded.reason, decided_by = excluded.decided_by,
                              decided_at = excluded.decided_at""")
                    .setParameter(1, fingerprint(r)).setParameter(2, item).setParameter(3, key(finding))
                    .setParameter(4, checkId).setParameter(5, kind.name()).setParameter(6, why)
                    .setParameter(7, inspector.name()).setParameter(8, Timestamp.from(at))
                    .executeUpdate();
            return new Verdict(item, kind.name(), why, inspector.name(), at, checkId);
        });
    }

    /** The verdicts that apply to a stored check's findings, by item; empty when the caller may not read the check. */
    public Optional<Map<String, Verdict>> of(UUID checkId, Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CheckRecord r = CheckRecord.findById(checkId);
            if (r == null || !r.readableBy(caller)) {
                return Optional.empty();
            }
            return Optional.of(applying(r));
        });
    }

    /** The verdicts on the findings of an audit's checks, by check id and item; checks without any are left out. */
    public Map<UUID, Map<String, Verdict>> ofAudit(UUID auditId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, Map<String, Verdict>> out = new LinkedHashMap<>();
            // only checks whose text has any verdict are read (their stored answers are large)
            List<?> ids = CheckRecord.getEntityManager().createNativeQuery("""
                            select rc.id from audit_file af join report_check rc on rc.id = af.check_id
                            where af.audit_id = ?1 and exists (select 1 from finding_verdict v
                              where v.text_fingerprint = coalesce(rc.text_fingerprint, rc.sha256))
                            order by af.seq""")
                    .setParameter(1, auditId).getResultList();
            for (Object id : ids) {
                CheckRecord r = CheckRecord.findById(id instanceof UUID u ? u : UUID.fromString(id.toString()));
                if (r != null) {
                    Map<String, Verdict> v = applying(r);
                    if (!v.isEmpty()) {
                        out.put(r.id, v);
                    }
                }
            }
            return out;
        });
    }

    /** How often inspectors accepted and overruled an item's findings, with the newest reasons for overruling. */
    public ItemVerdicts forItem(String item) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> counts = CheckRecord.getEntityManager().createNativeQuery(
                            "select verdict, count(*) from finding_verdict where item_id = ?1 group by verdict")
                    .setParameter(1, item).getResultList();
            int accepted = 0, wrong = 0;
            for (Object row : counts) {
                Object[] cols = (Object[]) row;
                int n = ((Number) cols[1]).intValue();
                if (Kind.accepted.name().equals(cols[0])) accepted = n; else wrong = n;
            }
            List<?> rows = CheckRecord.getEntityManager().createNativeQuery("""
                            select item_id, verdict, reason, decided_by, decided_at, check_id from finding_verdict
                            where item_id = ?1 and verdict = 'wrong' order by decided_at desc, id desc""")
                    .setParameter(1, item).setMaxResults(REASONS_SHOWN).getResultList();
            return new ItemVerdicts(accepted, wrong, rows.stream().map(o -> verdict((Object[]) o)).toList());
        });
    }

    private Map<String, Verdict> applying(CheckRecord r) {
        Map<String, ChecklistItem> findings = findings(r);
        Map<String, String> itemByKey = new LinkedHashMap<>();
        findings.forEach((item, f) -> itemByKey.put(key(f), item));
        List<?> rows = CheckRecord.getEntityManager().createNativeQuery("""
                        select item_id, verdict, reason, decided_by, decided_at, check_id, finding_key from finding_verdict
                        where text_fingerprint = ?1""")
                .setParameter(1, fingerprint(r)).getResultList();
        Map<String, Verdict> out = new LinkedHashMap<>();
        for (Object o : rows) {
            Object[] cols = (Object[]) o;
            String item = itemByKey.get((String) cols[6]);
            if (item != null) {
                out.put(item, verdict(cols));
            }
        }
        return out;
    }

    private static Verdict verdict(Object[] cols) {
        Object at = cols[4];
        Instant when = at instanceof Instant i ? i : at instanceof Timestamp t ? t.toInstant()
                : at instanceof java.time.OffsetDateTime o ? o.toInstant() : Instant.parse(at.toString());
        Object check = cols[5];
        return new Verdict((String) cols[0], (String) cols[1], (String) cols[2], (String) cols[3], when,
                check instanceof UUID u ? u : UUID.fromString(check.toString()));
    }

    private static CheckRecord readable(UUID checkId, Caller caller) {
        CheckRecord r = CheckRecord.findById(checkId);
        if (r == null || !r.readableBy(caller)) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "no-such-check", "没有这次体检。", "No such check.");
        }
        return r;
    }

    private static Map<String, ChecklistItem> findings(CheckRecord r) {
        Map<String, ChecklistItem> out = new LinkedHashMap<>();
        for (ChecklistItem item : r.result.items()) {
            out.put(item.id(), item);
        }
        return out;
    }

    private static String fingerprint(CheckRecord r) {
        return r.textFingerprint != null ? r.textFingerprint : r.sha256;
    }

    /** What a finding says: item, status, message and its quoted passages, without offsets. */
    static String key(ChecklistItem item) {
        List<String> parts = new ArrayList<>();
        parts.add(item.id());
        parts.add(item.status().name());
        parts.add(item.message() == null ? "" : item.message());
        List<String> quotes = new ArrayList<>();
        for (ChecklistItem.Evidence e : item.evidence()) {
            String quote = e.quote() == null ? "" : e.quote();
            // another report's passage is part of what the finding says (a target of last year's that this report
            // never mentions has no quote of its own); its check id is not, since re-running last year's check
            // changes it. Evidence without one keys as before, so earlier verdicts still find their findings.
            if (e.elsewhere() != null) {
                quote = quote + "\u0001" + e.elsewhere().cited();
            }
            quotes.add(quote);
        }
        quotes.sort(null);
        parts.addAll(quotes);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
