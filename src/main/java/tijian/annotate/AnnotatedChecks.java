package tijian.annotate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.quarkus.narayana.jta.QuarkusTransaction;

import tijian.check.CheckRecord;
import tijian.check.CheckView;
import tijian.rules.ChecklistItem;
import tijian.rules.GradeCap;
import tijian.rules.Severity;
import tijian.rules.Status;
import tijian.security.Caller;

/**
 * A stored check as the unit's own Word file with the findings in it: the uploaded .docx when the check came from
 * one (single checks keep it in {@code report_check.file_sha256}, audit files in {@code audit_file.sha256}), else a
 * new .docx of the checked text. Each passage quoted by a failed or questionable item gets a comment with the verdict,
 * the message and the advice; the top gets the score, the grade and why it is capped, and the items that quote
 * nothing (what is missing has no passage).
 */
@ApplicationScoped
public class AnnotatedChecks {
    private static final Map<Status, String> LABEL = Map.of(Status.FAIL, "不通过", Status.WARN, "需注意");

    /** The annotated document and the name to give it; empty when there is no check the caller may read. */
    public record Annotated(byte[] docx, String fileName) {}

    public Optional<Annotated> annotated(UUID id, Caller caller) {
        Optional<Stored> stored = QuarkusTransaction.requiringNew().call(() -> {
            CheckRecord r = CheckRecord.findById(id);
            if (r == null || !r.readableBy(caller)) {
                return Optional.empty();
            }
            byte[] original = "docx".equals(r.sourceFormat) ? original(r) : null;
            return Optional.of(new Stored(r.result, original, r.fileName));
        });
        return stored.map(this::annotate);
    }

    private record Stored(CheckView result, byte[] docx, String fileName) {}

    private static byte[] original(CheckRecord r) {
        String sha = r.fileSha256;
        if (sha == null && r.auditFileId != null) {
            sha = (String) CheckRecord.getEntityManager().createNativeQuery("select sha256 from audit_file where id = ?1")
                    .setParameter(1, r.auditFileId).getResultStream().findFirst().orElse(null);
        }
        if (sha == null) {
            return null;
        }
        return (byte[]) CheckRecord.getEntityManager().createNativeQuery("select bytes from file_content where sha256 = ?1")
                .setParameter(1, sha).getResultStream().findFirst().orElse(null);
    }

    private Annotated annotate(Stored stored) {
        try {
            CheckView check = stored.result();
            String text = check.report().text() == null ? "" : check.report().text();
            List<WordComments.Note> notes = new ArrayList<>();
            List<String> unquoted = new ArrayList<>();
            for (ChecklistItem item : check.items()) {
                if (!LABEL.containsKey(item.status())) {
                    continue;
                }
                List<String> lines = itemLines(item);
                // another report's passage with nothing in this text beside it (start -1) anchors no comment: it is
                // told in the item's first comment, or in the summary when the item has no passage here at all
                List<ChecklistItem.Evidence> here = item.evidence().stream().filter(ChecklistItem.Evidence::inText).toList();
                List<String> alone = item.evidence().stream().filter(e -> !e.inText() && e.elsewhere() != null)
                        .map(e -> e.elsewhere().cited()).toList();
                if (here.isEmpty()) {
                    unquoted.add("【" + LABEL.get(item.status()) + "】" + item.title() + "：" + nz(item.message())
                            + (alone.isEmpty() ? "" : "（" + String.join("；", alone) + "）"));
                }
                for (int k = 0; k < here.size(); k++) {
                    ChecklistItem.Evidence e = here.get(k);
                    List<String> noteLines = lines;
                    if (e.elsewhere() != null || k == 0 && !alone.isEmpty()) {
                        noteLines = new ArrayList<>(lines);
                        if (e.elsewhere() != null) {
                            noteLines.add(e.elsewhere().cited());
                        }
                        if (k == 0) {
                            noteLines.addAll(alone);
                        }
                    }
                    notes.add(new WordComments.Note(nz(e.quote()), e.start(), noteLines));
                }
            }
            WordComments.Note summary = new WordComments.Note(null, 0, summary(check, unquoted));
            WordComments.Result result = stored.docx() != null
                    ? WordComments.onDocx(stored.docx(), text, summary, notes)
                    : WordComments.onText(text, text, summary, notes);
            return new Annotated(result.docx(), fileName(stored.fileName()));
        } catch (IOException e) {
            // the stored .docx was read once already by the check; failing now is the service's fault
            throw new UncheckedIOException(e);
        }
    }

    static List<String> itemLines(ChecklistItem item) {
        List<String> lines = new ArrayList<>();
        lines.add("【" + LABEL.get(item.status()) + "】" + item.title()
                + (item.severity() == Severity.MANDATORY ? "（必查项）" : "（建议项）"));
        if (!nz(item.message()).isEmpty()) {
            lines.add(item.message());
        }
        if (!nz(item.advice()).isEmpty()) {
            lines.add("修改建议：" + item.advice());
        }
        return lines;
    }

    static List<String> summary(CheckView check, List<String> unquoted) {
        List<String> lines = new ArrayList<>();
        Map<Status, Integer> counts = check.counts();
        lines.add("法治报告体检：得分 " + check.score() + " 分，等级 " + check.grade().label() + "。");
        lines.add("不通过 " + counts.getOrDefault(Status.FAIL, 0) + " 项，需注意 " + counts.getOrDefault(Status.WARN, 0)
                + " 项，通过 " + counts.getOrDefault(Status.PASS, 0) + " 项，不适用 " + counts.getOrDefault(Status.NOT_APPLICABLE, 0) + " 项。");
        GradeCap cap = check.gradeCap();
        if (cap != null) {
            lines.add("等级封顶：" + cap.explanation() + "（按得分本应为" + cap.scoreGrade().label() + "）");
        }
        if (!unquoted.isEmpty()) {
            lines.add("原文中没有对应语句的问题（多为缺少的内容）：");
            lines.addAll(unquoted);
        }
        lines.add("体检编号 " + check.id() + "，规则版本 " + check.ruleSet().revision());
        return lines;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The uploaded name with 体检批注 before a .docx extension. */
    static String fileName(String uploaded) {
        String base = uploaded == null || uploaded.isBlank() ? "报告" : uploaded.replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
        return base + "-体检批注.docx";
    }
}
