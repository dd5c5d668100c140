package tijian.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;


import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import tijian.compare.Companions;
import tijian.compare.Comparisons;
import tijian.compare.IndexedReport;
import tijian.config.CheckerConfig;
import tijian.corpus.Corpus;
import tijian.ingest.Document;
import tijian.ingest.DocumentReader;
import tijian.ingest.IngestRefusals;
import tijian.refusal.Refusal;
import tijian.report.Deadline;
import tijian.report.Report;
import tijian.report.UnitNames;
import tijian.rulebook.RuleBook;
import tijian.rules.Checker;
import tijian.rules.Checklist;
import tijian.rules.ChecklistItem;
import tijian.rules.RuleSet;
import tijian.security.Caller;
import tijian.security.Roles;

/** Checks one document end to end: text out of the file, parse, rules, score, store. */
@ApplicationScoped
public class CheckService {
    @Inject
    CheckerConfig config;

    @Inject
    RuleBook ruleBook;

    @Inject
    MeterRegistry meters;

    @Inject
    Corpus corpus;

    /** Longest text checked, in characters: a report is some tens of thousands; parsing time grows faster than length. */
    private DocumentReader reader;

    @PostConstruct
    void createReader() {
        reader = new DocumentReader(config.upload().maxBytes(), config.ingest().timeout());
    }

    /**
     * Reads a file of any supported format, checks it and stores the result as the caller's (an anonymous check is
     * stored without an owner, or not at all when {@code checker.auth.store-anonymous-checks=false}).
     */
    public CheckView check(byte[] content, String fileName, String contentType, Caller owner) {
        return check(content, fileName, contentType, owner, null);
    }

    /** As {@link #check(byte[], String, String, Caller)}, with the rules of a profile (null: the configured default). */
    public CheckView check(byte[] content, String fileName, String contentType, Caller owner, String profile) {
        Outcome outcome = evaluate(content, fileName, contentType, profile, owner);
        if (!owner.isAnonymous() || config.auth().storeAnonymousChecks()) {
            store(outcome, owner, content);
        }
        return outcome.view();
    }

    /** A check made but not yet stored: what the API answers and the parsed report behind it. */
    /** {@code passages}: the report's sentences as the copied-text comparison read them, indexed again when stored. */
    public record Outcome(CheckView view, Report report, IndexedReport passages) {}

    /**
     * Reads and checks a file without storing anything (for audits, which store it with their own bookkeeping).
     * Extraction, parsing and rule evaluation share one {@link Deadline} of {@code checker.ingest.timeout}: the
     * extraction worker is interrupted when it runs out, and parsing (on this thread) checks it in its loops and
     * stops; rule evaluation runs with the deadline current, so it can take what is left ({@link Deadline#current()}).
     */
    public Outcome evaluate(byte[] content, String fileName, String contentType) {
        return evaluate(content, fileName, contentType, null, AUDIT_VIEWER);
    }

    /** Who reads an audit's checklists: its inspectors, who may see every unit's reports. */
    private static final Caller AUDIT_VIEWER = new Caller("audit", Set.of(Roles.INSPECTOR), null);

    /**
     * As {@link #evaluate(byte[], String, String)}, with the rules of a profile (null: the configured default), for
     * {@code viewer}: the reports it is compared with are shown as far as the viewer may see them.
     */
    private Outcome evaluate(byte[] content, String fileName, String contentType, String profile, Caller viewer) {
        // an unknown profile is refused before any work is done
        RuleSet rules = ruleBook.active().forProfile(profile == null || profile.isBlank() ? config.rules().defaultProfile() : profile);
        Deadline deadline = Deadline.in(config.ingest().timeout());
        Document document;
        long start = System.nanoTime();
        try {
            document = reader.read(content, fileName, contentType, deadline);
            if (document.text().length() > config.ingest().maxTextChars()) {
                throw IngestRefusals.textTooLong(document.text().length(), config.ingest().maxTextChars());
            }
        } catch (Refusal e) {
            meters.counter("tijian.ingest.refusals", "code", e.code()).increment();
            counted("unknown", "refused");
            throw e;
        } finally {
            timed("ingest", start);
        }
        try {
            Outcome outcome = evaluate(document, cutFileName(fileName), rules, report -> corpus.companionsFor(report, rules.parser(), viewer),
                    deadline, this::timed);
            counted(document.format(), "checked");
            for (ChecklistItem item : outcome.view().items()) {
                meters.counter("tijian.check.items", "status", item.status().name()).increment();
            }
            return outcome;
        } catch (Refusal e) {
            counted(document.format(), "refused");
            throw e;
        } catch (RuntimeException e) {
            counted(document.format(), "failed");
            throw e;
        }
    }

    /** How long a step of a check took: the step's name and when it started ({@link System#nanoTime()}). */
    interface Stages {
        void took(String stage, long startNanos);
    }

    /**
     * Parses and checks a document's text under the deadline. The parser checks it in its loops, so a text that
     * would take too long stops there and answers {@code timeout} (422) instead of holding the worker.
     */
    static Outcome evaluate(Document document, String fileName, RuleSet rules, Deadline deadline) {
        return evaluate(document, fileName, rules, report -> Companions.NONE, deadline, (stage, start) -> {});
    }

    private static Outcome evaluate(Document document, String fileName, RuleSet rules,
                                    Function<Report, Companions> companions, Deadline deadline, Stages stages) {
        try {
            return deadline.run(() -> evaluate(document, fileName, rules, companions, stages));
        } catch (Deadline.Exceeded e) {
            throw IngestRefusals.timeout(e.limit());
        }
    }

    /** Checks by outcome: checked, refused (the file or the service said no), failed (the rules were stopped). */
    private void counted(String format, String outcome) {
        meters.counter("tijian.checks", "format", format, "outcome", outcome).increment();
    }

    /** The time one step of a check took: ingest, parse, rules, store. */
    private void timed(String stage, long startNanos) {
        Timer.builder("tijian.check.duration").tag("stage", stage).publishPercentileHistogram()
                .description("Time of one step of a check")
                .register(meters).record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Longest file name kept (the stored column's length); longer names are cut, keeping the extension. */
    static final int MAX_FILE_NAME = 500;

    /** A file name of at most {@link #MAX_FILE_NAME} characters: the middle is cut, the extension kept. */
    static String cutFileName(String name) {
        if (name == null || name.length() <= MAX_FILE_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot >= 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        int keep = MAX_FILE_NAME - 1 - ext.length();
        if (Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--;
        }
        return name.substring(0, keep) + "…" + ext;
    }

    private static Outcome evaluate(Document document, String fileName, RuleSet rules,
                                    Function<Report, Companions> companions, Stages stages) {
        String text = document.text();
        long start = System.nanoTime();
        Report report = rules.parser().parse(text);
        stages.took("parse", start);
        start = System.nanoTime();
        IndexedReport passages = IndexedReport.of(report);
        List<Object> comparisons = Comparisons.facts(report, passages, companions.apply(report));
        stages.took("compare", start);
        start = System.nanoTime();
        Checklist checklist = Checker.check(report, rules, comparisons);
        stages.took("rules", start);
        CheckView view = new CheckView(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                new CheckView.RuleSetRef(rules.revision(), rules.profile()),
                new CheckView.Source(fileName, document.format(), sha256(text)),
                CheckView.ReportView.of(report), notices(report, document.replaced()), checklist.score(), checklist.grade(),
                checklist.gradeCap(),
                checklist.counts(),
                checklist.items());
        return new Outcome(view, report, passages);
    }

    /**
     * Stores an evaluated check as the check of an audit file, in the caller's transaction (which must be active),
     * so that the caller can mark the file done in the same transaction. {@code report_check.audit_file_id} is
     * unique: a second check of the same file fails to store.
     */
    public void storeForAuditFile(Outcome outcome, long auditFileId) {
        long start = System.nanoTime();
        CheckRecord r = record(outcome.view(), outcome.report());
        r.auditFileId = auditFileId;
        r.persist();
        corpus.remember(r.id, outcome.passages());
        CheckRecord.getEntityManager().flush();
        timed("store", start);
    }

    /** What the reader should know before the checklist: nothing of a report recognised, no year, bytes replaced. */
    static List<String> notices(Report report, int replacedBytes) {
        List<String> notices = new ArrayList<>();
        boolean noParts = report.getSections().stream().noneMatch(s -> !s.getParts().isEmpty());
        if (report.getTitle() == null && noParts) {
            notices.add("未识别出年度报告的标题和五个部分的结构：请确认上传的是《关于XXXX年法治政府建设情况的报告》全文。"
                    + " No report title or part structure was recognised; is this the full annual report?");
        } else if (report.getYear() == null) {
            notices.add("未识别出报告年度，与年度有关的检查项可能不适用。 The report year was not recognised.");
        }
        if (replacedBytes > 0) {
            notices.add("文件中有 " + replacedBytes + " 处无法识别的字节（不是有效的 UTF-8），已替换为 �；请核对这些位置的文字。 "
                    + replacedBytes + " invalid UTF-8 byte sequence(s) were replaced by U+FFFD.");
        }
        return List.copyOf(notices);
    }

    /** The stored answer of a check, as it was first returned; empty when there is none the caller may read. */
    public Optional<CheckView> stored(UUID id, Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CheckRecord r = CheckRecord.findById(id);
            return Optional.ofNullable(r == null || !r.readableBy(caller) ? null : r.result);
        });
    }

    /** The stored answers of the given checks, by id (for exports; no caller check: the caller reads the audit). */
    public Map<UUID, CheckView> views(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, CheckView> views = new HashMap<>();
            CheckRecord.getEntityManager()
                    .createQuery("select r.id, r.result from CheckRecord r where r.id in :ids", Object[].class)
                    .setParameter("ids", ids)
                    .getResultStream()
                    .forEach(row -> views.put((UUID) row[0], (CheckView) row[1]));
            return views;
        });
    }

    /** One line of a list of stored checks. */
    public record Summary(UUID id, Instant checkedAt, String fileName, String title, String unit, Integer year,
                          double score, String grade, String owner, boolean audit) {}

    /**
     * The stored checks the caller may list, newest first: every check for inspectors and rule authors, a unit's
     * for a unit user, one's own otherwise. Anonymous checks are never listed (only their id opens them).
     */
    public List<Summary> list(Caller caller, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = caller.readsEverything()
                    ? CheckRecord.<CheckRecord>find("order by checkedAt desc")
                    : caller.unitKey() != null
                    ? CheckRecord.<CheckRecord>find("ownerUnitKey = ?1 or owner = ?2 order by checkedAt desc", caller.unitKey(), caller.name())
                    : CheckRecord.<CheckRecord>find("owner = ?1 order by checkedAt desc", caller.name());
            return query.page(page, size).list().stream()
                    .map(r -> new Summary(r.id, r.checkedAt, r.fileName, r.title, r.unit, r.year, r.score, r.grade, r.owner,
                            r.auditFileId != null))
                    .toList();
        });
    }

    private void store(Outcome outcome, Caller owner, byte[] content) {
        CheckView view = outcome.view();
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            CheckRecord r = record(view, outcome.report());
            r.owner = owner.name();
            r.ownerUnitKey = owner.unitKey();
            if ("docx".equals(view.source().format())) {
                r.fileSha256 = storeContent(content);
            }
            r.persist();
            corpus.remember(r.id, outcome.passages());
        });
        timed("store", start);
    }

    /** Keeps uploaded bytes once per content, as audits do; answers their SHA-256. */
    private static String storeContent(byte[] content) {
        String sha = sha256(content);
        CheckRecord.getEntityManager()
                .createNativeQuery("insert into file_content (sha256, byte_count, bytes) values (?1, ?2, ?3) on conflict (sha256) do nothing")
                .setParameter(1, sha).setParameter(2, (long) content.length).setParameter(3, content)
                .executeUpdate();
        return sha;
    }

    private CheckRecord record(CheckView view, Report report) {
        CheckRecord r = new CheckRecord();
        r.id = view.id();
        r.checkedAt = view.checkedAt();
        r.sha256 = view.source().sha256();
        r.fileName = view.source().fileName();
        r.sourceFormat = view.source().format();
        r.title = report.getTitle();
        r.unit = report.getUnit();
        r.unitKey = UnitNames.normalise(report.getUnit());
        r.year = report.getYear();
        r.publishedOn = report.getPublishedOn();
        r.score = view.score();
        r.grade = view.grade().label();
        r.revision = view.ruleSet().revision();
        r.profile = view.ruleSet().profile();
        r.reportText = report.getText();
        r.textFingerprint = textFingerprint(report.getText());
        r.result = view;
        for (ChecklistItem item : view.items()) {
            r.items.add(new CheckRecord.ItemStatus(item.id(), item.status().name(), item.severity().name(), item.weight()));
        }
        return r;
    }

    /**
     * What stays the same when one report is saved as .docx, .html or .txt: the text without any spacing, in NFKC
     * (full- and half-width alike), hashed.
     */
    public static String textFingerprint(String text) {
        return sha256(WHITESPACE.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)).replaceAll(""));
    }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("[\\s\\u00A0\\u3000\\uFEFF]+");

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
