package tijian.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import tijian.audit.AuditViews.Band;
import tijian.audit.AuditViews.Change;
import tijian.audit.AuditViews.Changes;
import tijian.audit.AuditViews.ItemChange;
import tijian.audit.AuditViews.ItemStat;
import tijian.audit.AuditViews.Row;
import tijian.audit.AuditViews.Summary;
import tijian.audit.AuditViews.UnitRank;
import tijian.rules.Grade;
import tijian.rules.Severity;
import tijian.rules.Status;

/**
 * What an audit's results say taken together: ranks, rows, sort orders, the summary and a re-run's changes. Pure
 * functions of the files' results, so they are tested without a database.
 */
final class AuditStatistics {
    private AuditStatistics() {}

    static final List<String> SORTS = List.of("score", "unit", "grade", "failures", "year", "file");

    /** Where a unit goes when its report named none the parser recognised. */
    static final String UNKNOWN_UNIT = "（未识别单位）";

    /** Score bands of the summary, [from, to); the top one includes 100. */
    private static final double[][] BANDS = {{0, 60}, {60, 70}, {70, 80}, {80, 90}, {90, 100}};

    /** One row per file, in upload order, with its rank among the checked files. */
    static List<Row> rows(List<FileResult> files) {
        Map<Long, Integer> ranks = ranks(files);
        Map<Long, String> paths = new HashMap<>();
        files.forEach(f -> paths.put(f.fileId(), f.path()));
        return files.stream().map(f -> row(f, ranks.get(f.fileId()), paths)).toList();
    }

    static Row row(FileResult f, Integer rank, Map<Long, String> paths) {
        if (!f.checked()) {
            return new Row(null, f.fileId(), f.seq(), f.path(), f.state(), null, null, null, null, null, null, null, null, null,
                    null, f.duplicateOf() == null ? null : paths.get(f.duplicateOf()), f.errorCode(), f.error());
        }
        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (Status st : List.of(Status.PASS, Status.WARN, Status.FAIL, Status.NOT_APPLICABLE)) {
            counts.put(st, f.count(st));
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

    /** Rows in the order asked for; files without a result (failed, duplicate) stay at the end either way. */
    static Comparator<Row> comparator(String sort, boolean desc) {
        Comparator<Row> key = switch (sort) {
            case "unit" -> Comparator.comparing(Row::unit, Comparator.nullsLast(Comparator.<String>naturalOrder()));
            // ascending = worst grade first, like ascending scores
            case "grade" -> Comparator.comparing(r -> r.grade() == null ? null : -r.grade().ordinal(),
                    Comparator.nullsLast(Comparator.<Integer>naturalOrder()));
            case "failures" -> Comparator.comparing(Row::failures, Comparator.nullsLast(Comparator.<Integer>naturalOrder()));
            case "year" -> Comparator.comparing(Row::year, Comparator.nullsLast(Comparator.<Integer>naturalOrder()));
            case "file" -> Comparator.comparing(Row::file);
            default -> Comparator.comparing(Row::score, Comparator.nullsLast(Comparator.<Double>naturalOrder()));
        };
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

    /** Over the checked files only; {@code titles} names the items (an id without a title stands for itself). */
    static Summary summary(List<FileResult> files, Map<String, String> titles) {
        List<FileResult> checked = files.stream().filter(FileResult::checked).toList();
        int n = checked.size();
        List<Double> scores = checked.stream().map(FileResult::score).sorted().toList();
        Double mean = n == 0 ? null : round1(scores.stream().mapToDouble(Double::doubleValue).sum() / n);
        Double median = n == 0 ? null : n % 2 == 1 ? scores.get(n / 2) : round1((scores.get(n / 2 - 1) + scores.get(n / 2)) / 2);
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            grades.put(g.label(), 0);
        }
        checked.forEach(f -> grades.merge(f.grade().label(), 1, Integer::sum));
        List<Band> bands = new ArrayList<>();
        for (double[] e : BANDS) {
            boolean top = e[1] == 100;
            int count = (int) scores.stream().filter(s -> s >= e[0] && (s < e[1] || top && s <= e[1])).count();
            bands.add(new Band((int) e[0] + "-" + (top ? "100" : String.valueOf((int) e[1] - 1)), e[0], e[1], count));
        }
        return new Summary(n, mean, median, n == 0 ? null : scores.get(0), n == 0 ? null : scores.get(n - 1), grades, bands,
                failingItems(checked, titles), unitRanks(checked));
    }

    /** Items that failed at least once, most failures first (then most warnings, then id). */
    static List<ItemStat> failingItems(List<FileResult> checked, Map<String, String> titles) {
        Map<String, int[]> perItem = new TreeMap<>();
        Map<String, Severity> severity = new HashMap<>();
        for (FileResult f : checked) {
            f.statuses().forEach((item, status) -> {
                int[] failWarn = perItem.computeIfAbsent(item, k -> new int[2]);
                if (status == Status.FAIL) {
                    failWarn[0]++;
                } else if (status == Status.WARN) {
                    failWarn[1]++;
                }
                severity.putIfAbsent(item, f.severities().get(item));
            });
        }
        List<ItemStat> failing = new ArrayList<>();
        perItem.forEach((item, fw) -> {
            if (fw[0] > 0) {
                failing.add(new ItemStat(item, titles.getOrDefault(item, item), severity.get(item), fw[0], fw[1],
                        share(fw[0], checked.size())));
            }
        });
        failing.sort(Comparator.comparingInt(ItemStat::fail).reversed().thenComparing(Comparator.comparingInt(ItemStat::warn).reversed())
                .thenComparing(ItemStat::item));
        return failing;
    }

    /** Units by their average score, best first; ties share a rank. */
    static List<UnitRank> unitRanks(List<FileResult> checked) {
        Map<String, List<FileResult>> byUnit = new TreeMap<>();
        for (FileResult f : checked) {
            byUnit.computeIfAbsent(f.unitKey() == null ? UNKNOWN_UNIT : f.unitKey(), k -> new ArrayList<>()).add(f);
        }
        List<UnitRank> units = new ArrayList<>();
        byUnit.forEach((unit, fs) -> units.add(new UnitRank(0, unit, fs.size(),
                round1(fs.stream().mapToDouble(FileResult::score).sum() / fs.size()),
                fs.stream().map(FileResult::year).filter(Objects::nonNull).distinct().sorted().toList())));
        units.sort(Comparator.comparingDouble(UnitRank::score).reversed().thenComparing(UnitRank::unit));
        List<UnitRank> ranked = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            UnitRank u = units.get(i);
            int rank = i > 0 && u.score() == units.get(i - 1).score() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new UnitRank(rank, u.unit(), u.reports(), u.score(), u.years()));
        }
        return ranked;
    }

    /** What changed per file (matched by upload position) between an audit {@code before} and its re-run {@code id}. */
    static Changes changes(UUID id, UUID before, List<FileResult> was, List<FileResult> now) {
        Map<Integer, FileResult> old = new HashMap<>();
        was.forEach(f -> old.put(f.seq(), f));
        List<Change> changes = new ArrayList<>();
        String revBefore = null;
        String revAfter = null;
        int changed = 0;
        for (FileResult after : now) {
            FileResult prior = old.get(after.seq());
            if (prior == null) {
                continue;
            }
            revBefore = revBefore == null ? prior.revision() : revBefore;
            revAfter = revAfter == null ? after.revision() : revAfter;
            List<ItemChange> items = new ArrayList<>();
            TreeSet<String> all = new TreeSet<>(prior.statuses().keySet());
            all.addAll(after.statuses().keySet());
            for (String item : all) {
                Status b = prior.statuses().get(item);
                Status a = after.statuses().get(item);
                if (b != a) {
                    items.add(new ItemChange(item, b, a));
                }
            }
            Double delta = prior.score() != null && after.score() != null ? round1(after.score() - prior.score()) : null;
            boolean differs = !items.isEmpty() || after.state() != prior.state()
                    || (delta != null && delta != 0) || prior.grade() != after.grade();
            if (differs) {
                changed++;
            }
            changes.add(new Change(after.path(), after.unitKey() != null ? after.unitKey() : prior.unitKey(),
                    after.year() != null ? after.year() : prior.year(), prior.state(), after.state(), prior.score(),
                    after.score(), delta, prior.grade(), after.grade(), items, prior.checkId(), after.checkId()));
        }
        return new Changes(id, before, revBefore, revAfter, changed, changes);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double share(int count, int of) {
        return of == 0 ? 0 : Math.round(10000.0 * count / of) / 10000.0;
    }
}
