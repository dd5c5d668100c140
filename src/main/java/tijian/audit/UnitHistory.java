package tijian.audit;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import tijian.report.UnitNames;
import tijian.rules.Grade;
import tijian.rules.Status;

/**
 * Units across audits and years, matched by normalised name ({@link UnitNames}). For each year the latest check of
 * the unit's report counts (a re-run supersedes the run before it).
 */
@ApplicationScoped
public class UnitHistory {
    @Inject
    Db db;

    @Inject
    AuditQueries audits;

    public record Unit(String unit, int reports, List<Integer> years, Integer latestYear, Double latestScore,
                       Grade latestGrade, String history) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Year(Integer year, double score, Grade grade, UUID checkId, String checklist, UUID auditId,
                       String auditName, String file, Instant checkedAt, Map<String, Status> items) {}

    public record ItemHistory(String item, String title, Map<String, Status> byYear) {}

    public record History(String unit, List<String> namesAsWritten, List<Year> years, List<ItemHistory> items) {}

    public List<Unit> units() {
        return db.read(c -> {
            List<Unit> units = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    with latest as (
                        select distinct on (f.unit_key, f.year) f.unit_key, f.year, r.score, r.grade
                          from audit_file f join report_check r on r.id = f.check_id
                         where f.state = 'done' and f.unit_key is not null
                         order by f.unit_key, f.year desc nulls last, r.checked_at desc)
                    select f.unit_key, count(*),
                           array_agg(distinct f.year) filter (where f.year is not null),
                           (select l.year from latest l where l.unit_key = f.unit_key order by l.year desc nulls last limit 1),
                           (select l.score from latest l where l.unit_key = f.unit_key order by l.year desc nulls last limit 1),
                           (select l.grade from latest l where l.unit_key = f.unit_key order by l.year desc nulls last limit 1)
                      from audit_file f
                     where f.state = 'done' and f.unit_key is not null
                     group by f.unit_key order by f.unit_key""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String unit = rs.getString(1);
                    Array years = rs.getArray(3);
                    List<Integer> ys = years == null ? List.of()
                            : Arrays.stream((Integer[]) years.getArray()).sorted().toList();
                    Integer latestYear = Db.intOrNull(rs, 4);
                    Double score = Db.doubleOrNull(rs, 5);
                    String grade = rs.getString(6);
                    units.add(new Unit(unit, rs.getInt(2), ys, latestYear, score, grade == null ? null : Grade.ofLabel(grade),
                            "/api/units/" + java.net.URLEncoder.encode(unit, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "/history"));
                }
            }
            return units;
        });
    }

    public Optional<History> history(String name) {
        // a department's earlier audits may be keyed without its province (江苏省司法厅 was 司法厅): both are its own
        List<String> keys = UnitNames.keys(name);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String key = keys.get(0);
        String former = keys.get(keys.size() - 1);
        return db.read(c -> {
            List<Year> years = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Map<UUID, Integer> index = new LinkedHashMap<>();
            try (PreparedStatement ps = Db.prepare(c, """
                    select distinct on (f.year) f.year, r.score, r.grade, r.id, a.id, a.name, f.path, r.checked_at, r.unit
                      from audit_file f join report_check r on r.id = f.check_id join audit a on a.id = f.audit_id
                     where f.state = 'done' and f.unit_key in (?, ?)
                     order by f.year nulls first, r.checked_at desc""", key, former);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer year = Db.intOrNull(rs, 1);
                    UUID check = rs.getObject(4, UUID.class);
                    index.put(check, years.size());
                    years.add(new Year(year, rs.getDouble(2), Grade.ofLabel(rs.getString(3)), check, "/api/checks/" + check,
                            rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), Db.instant(rs.getTimestamp(8)),
                            new TreeMap<>()));
                }
            }
            if (years.isEmpty()) {
                return Optional.<History>empty();
            }
            try (PreparedStatement ps = Db.prepare(c, """
                    select distinct r.unit from audit_file f join report_check r on r.id = f.check_id
                     where f.state = 'done' and f.unit_key in (?, ?) and r.unit is not null order by r.unit""", key, former);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            UUID[] ids = index.keySet().toArray(new UUID[0]);
            Map<String, ItemHistory> items = new TreeMap<>();
            Map<String, String> titles = audits.titles();
            try (PreparedStatement ps = c.prepareStatement(
                    "select check_id, item_id, status from check_item where check_id = any (?) order by item_id")) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Year y = years.get(index.get(rs.getObject(1, UUID.class)));
                        String item = rs.getString(2);
                        Status status = Status.valueOf(rs.getString(3));
                        y.items().put(item, status);
                        items.computeIfAbsent(item, k -> new ItemHistory(k, titles.getOrDefault(k, k), new TreeMap<>()))
                                .byYear().put(y.year() == null ? "未知" : String.valueOf(y.year()), status);
                    }
                }
            }
            return Optional.of(new History(key, names, years, new ArrayList<>(items.values())));
        });
    }
}
