package tijian.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tijian.audit.AuditViews.Row;
import tijian.audit.AuditViews.Summary;
import tijian.rules.Grade;
import tijian.rules.Severity;
import tijian.rules.Status;

/** The audit statistics are pure functions of the files' results: no database, no service. */
class AuditStatisticsTest {
    private static long nextId = 1;

    private static FileResult checked(String unit, Integer year, double score, Grade grade, Map<String, Status> statuses) {
        long id = nextId++;
        Map<String, Severity> severities = new java.util.TreeMap<>();
        statuses.keySet().forEach(k -> severities.put(k, k.startsWith("m.") ? Severity.MANDATORY : Severity.ADVISORY));
        return new FileResult(id, (int) id, unit + ".txt", FileState.DONE, null, null, null, UUID.randomUUID(), unit, unit,
                year, score, grade, "rev", statuses, severities);
    }

    private static FileResult failed(String path) {
        long id = nextId++;
        return new FileResult(id, (int) id, path, FileState.FAILED, null, "corrupt-document", "damaged", null, null, null,
                null, null, null, null, Map.of(), Map.of());
    }

    @Test
    void ranksAreCompetitionRanksAndOnlyCheckedFilesHaveOne() {
        FileResult a = checked("甲", 2024, 90, Grade.EXCELLENT, Map.of());
        FileResult b = checked("乙", 2024, 80, Grade.GOOD, Map.of());
        FileResult c = checked("丙", 2024, 80, Grade.GOOD, Map.of());
        FileResult d = checked("丁", 2024, 70, Grade.PASS, Map.of());
        FileResult bad = failed("坏.pdf");
        Map<Long, Integer> ranks = AuditStatistics.ranks(List.of(bad, d, c, b, a));
        assertEquals(1, ranks.get(a.fileId()));
        assertEquals(2, ranks.get(b.fileId()));
        assertEquals(2, ranks.get(c.fileId()));
        assertEquals(4, ranks.get(d.fileId()));
        assertNull(ranks.get(bad.fileId()));
    }

    @Test
    void rowsCountStatusesAndNameMandatoryFailures() {
        FileResult f = checked("甲", 2024, 61, Grade.PASS,
                Map.of("m.parts", Status.FAIL, "a.style", Status.FAIL, "a.dates", Status.WARN, "m.rate", Status.PASS));
        Row row = AuditStatistics.rows(List.of(f)).get(0);
        assertEquals(2, row.failures());
        assertEquals(Map.of(Status.PASS, 1, Status.WARN, 1, Status.FAIL, 2, Status.NOT_APPLICABLE, 0), row.counts());
        assertEquals(List.of("m.parts"), row.mandatoryFailures());
    }

    @Test
    void sortingKeepsFilesWithoutAResultLastEitherWay() {
        List<FileResult> files = List.of(failed("x.pdf"), checked("乙", 2023, 70, Grade.PASS, Map.of()),
                checked("甲", 2024, 95, Grade.EXCELLENT, Map.of()));
        for (boolean desc : new boolean[] {true, false}) {
            List<Row> rows = new ArrayList<>(AuditStatistics.rows(files));
            rows.sort(AuditStatistics.comparator("grade", desc));
            assertEquals("x.pdf", rows.get(2).file());
            assertEquals(desc ? Grade.EXCELLENT : Grade.PASS, rows.get(0).grade());
        }
    }

    @Test
    void theSummaryCountsOnlyCheckedReports() {
        List<FileResult> files = List.of(
                checked("甲", 2024, 95, Grade.EXCELLENT, Map.of("m.parts", Status.PASS, "a.style", Status.FAIL)),
                checked("甲", 2023, 85, Grade.GOOD, Map.of("m.parts", Status.FAIL, "a.style", Status.FAIL)),
                checked("乙", 2024, 59.5, Grade.FAIL, Map.of("m.parts", Status.WARN, "a.style", Status.PASS)),
                failed("坏.pdf"));
        Summary s = AuditStatistics.summary(files, Map.of("a.style", "格式"));
        assertEquals(3, s.reports());
        assertEquals(79.8, s.meanScore());
        assertEquals(85.0, s.medianScore());
        assertEquals(59.5, s.minScore());
        assertEquals(95.0, s.maxScore());
        assertEquals(Map.of("优秀", 1, "良好", 1, "合格", 0, "不合格", 1), s.grades());
        assertEquals(List.of(1, 0, 0, 1, 1), s.scoreBands().stream().map(AuditViews.Band::count).toList());
        assertEquals(List.of("a.style", "m.parts"), s.failingItems().stream().map(AuditViews.ItemStat::item).toList());
        assertEquals("格式", s.failingItems().get(0).title());
        assertEquals("m.parts", s.failingItems().get(1).title(), "an item the rules no longer have stands for itself");
        assertEquals(Severity.MANDATORY, s.failingItems().get(1).severity());
        assertEquals(0.6667, s.failingItems().get(0).failShare());
        assertEquals(List.of("甲", "乙"), s.units().stream().map(AuditViews.UnitRank::unit).toList());
        assertEquals(90.0, s.units().get(0).score());
        assertEquals(List.of(2023, 2024), s.units().get(0).years());
    }

    @Test
    void anEmptyAuditHasNoFigures() {
        Summary s = AuditStatistics.summary(List.of(failed("a.pdf")), Map.of());
        assertEquals(0, s.reports());
        assertNull(s.meanScore());
        assertNull(s.medianScore());
        assertEquals(List.of(), s.failingItems());
    }

    @Test
    void aRerunsChangesNameWhatMovedPerFile() {
        FileResult before = checked("甲", 2024, 80, Grade.GOOD, Map.of("x", Status.PASS, "y", Status.FAIL));
        FileResult same = checked("乙", 2024, 70, Grade.PASS, Map.of("x", Status.PASS));
        FileResult after = new FileResult(10, before.seq(), before.path(), FileState.DONE, null, null, null, UUID.randomUUID(),
                "甲", "甲", 2024, 85.0, Grade.GOOD, "rev2", Map.of("x", Status.PASS, "y", Status.WARN, "z", Status.PASS), Map.of());
        FileResult sameAfter = new FileResult(11, same.seq(), same.path(), FileState.DONE, null, null, null, UUID.randomUUID(),
                "乙", "乙", 2024, 70.0, Grade.PASS, "rev2", Map.of("x", Status.PASS), Map.of());
        AuditViews.Changes changes = AuditStatistics.changes(UUID.randomUUID(), UUID.randomUUID(), List.of(before, same),
                List.of(after, sameAfter));
        assertEquals(1, changes.changedReports());
        assertEquals("rev", changes.revisionBefore());
        assertEquals("rev2", changes.revisionAfter());
        AuditViews.Change c = changes.reports().get(0);
        assertEquals(5.0, c.scoreDelta());
        assertEquals(List.of(new AuditViews.ItemChange("y", Status.FAIL, Status.WARN), new AuditViews.ItemChange("z", null, Status.PASS)),
                c.items());
        assertEquals(List.of(), changes.reports().get(1).items());
    }
}
