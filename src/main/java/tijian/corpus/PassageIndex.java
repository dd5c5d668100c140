package tijian.corpus;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import tijian.compare.CopiedPassages;
import tijian.compare.IndexedReport;
import tijian.compare.PassageCorpus;
import tijian.report.Span;

/**
 * Stored reports' sentences by band hash (V12), written when a check is stored: per check (passage_band, read among an
 * audit's checks for its most similar pairs) and per unit (passage_unit_band, the unit's latest check holding each
 * band, read as the {@link PassageCorpus} a new check is compared with). Plain JDBC: one statement per table writes a
 * report's rows (arrays unnested by PostgreSQL).
 */
@ApplicationScoped
public class PassageIndex {
    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    /** Indexes check {@code checkId} (its sentences as its check read them); called in the transaction that stores it. */
    public void remember(UUID checkId, IndexedReport indexed) {
        int rows = indexed.sentences().size() * tijian.compare.Shingles.BANDS;
        if (rows == 0) {
            return;
        }
        Long[] bands = new Long[rows];
        Integer[] starts = new Integer[rows];
        Integer[] ends = new Integer[rows];
        int i = 0;
        for (IndexedReport.Sentence s : indexed.sentences()) {
            for (long band : s.bands()) {
                bands[i] = band;
                starts[i] = s.start();
                ends[i++] = s.end();
            }
        }
        // the check's row must be in the database before rows referring to it (Hibernate writes it at the flush)
        entityManager.flush();
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into passage_band (band, check_id, unit_key, fingerprint, sentence_start, sentence_end)
                    select b, ?, ?, ?, s, e from unnest(?, ?, ?) as t(b, s, e)""")) {
                ps.setObject(1, checkId);
                ps.setString(2, indexed.unitKey());
                ps.setString(3, indexed.fingerprint());
                ps.setArray(4, c.createArrayOf("bigint", bands));
                ps.setArray(5, c.createArrayOf("integer", starts));
                ps.setArray(6, c.createArrayOf("integer", ends));
                ps.executeUpdate();
            }
            // one row per band and unit, taken over by the unit's newest check; in band order, so that two checks of
            // one unit stored at once wait for each other instead of deadlocking
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into passage_unit_band (band, unit_key, check_id, fingerprint, sentence_start, sentence_end)
                    select distinct on (b) b, ?, ?, ?, s, e from unnest(?, ?, ?) as t(b, s, e) order by b, s
                    on conflict (band, unit_key) do update set check_id = excluded.check_id,
                        fingerprint = excluded.fingerprint, sentence_start = excluded.sentence_start,
                        sentence_end = excluded.sentence_end""")) {
                ps.setString(1, indexed.unitKey());
                ps.setObject(2, checkId);
                ps.setString(3, indexed.fingerprint());
                ps.setArray(4, c.createArrayOf("bigint", bands));
                ps.setArray(5, c.createArrayOf("integer", starts));
                ps.setArray(6, c.createArrayOf("integer", ends));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every indexed report as other units' passages. */
    public PassageCorpus corpus() {
        return new Jdbc(null);
    }

    /** One pair of an audit's reports that share passages: how much of each is in the other, and the passages. */
    public record Pair(UUID check, String unit, UUID otherCheck, String otherUnit, double share, double otherShare,
                       List<Passage> passages) {}

    /** A passage of {@code check}'s report beside the same passage in {@code otherCheck}'s. */
    public record Passage(int start, int end, String quote, String otherQuote) {}

    /**
     * The pairs of the audit's checks that share passages (boilerplate learnt from the whole index left out), most
     * similar first; empty when there is no such audit. A pair is found whichever of the two was stored first: each
     * check is compared with all others of the audit, and a pair is reported once, from the side more of which is copied.
     */
    public Optional<List<Pair>> similarPairs(UUID auditId) {
        Map<UUID, Stored> checks = new LinkedHashMap<>();
        boolean exists = run(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from audit where id = ?")) {
                ps.setObject(1, auditId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    select rc.id, rc.report_text, coalesce(rc.unit, f.path), pb.unit_key, pb.sentence_start, pb.sentence_end
                      from report_check rc join audit_file f on f.id = rc.audit_file_id
                      join passage_band pb on pb.check_id = rc.id
                     where f.audit_id = ?
                     group by rc.id, rc.report_text, rc.unit, f.path, f.seq, pb.unit_key, pb.sentence_start, pb.sentence_end
                     order by f.seq, pb.sentence_start""")) {
                ps.setObject(1, auditId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        String text = rs.getString(2);
                        String label = rs.getString(3);
                        String key = rs.getString(4);
                        checks.computeIfAbsent(id, x -> new Stored(id, text, label, key, new ArrayList<>()))
                                .sentences().add(new Span(rs.getInt(5), rs.getInt(6)));
                    }
                }
            }
            return true;
        });
        if (!exists) {
            return Optional.empty();
        }
        Jdbc among = new Jdbc(List.copyOf(checks.keySet()));
        // each check against all others of the audit: how much of it stands in each other one (a directed copy)
        Map<String, CopiedPassages.Copy> directed = new LinkedHashMap<>();
        Map<String, UUID[]> ends = new HashMap<>();
        for (Stored s : checks.values()) {
            // the stored unit key is the one the report was indexed under ("#…" for a report of no recognised unit)
            IndexedReport report = IndexedReport.of(s.text(), s.unitKey(), s.sentences());
            for (CopiedPassages.Copy copy : CopiedPassages.find(report, among).copies()) {
                UUID other = UUID.fromString(copy.checkId());
                directed.put(key(s.id(), other), copy);
                ends.put(key(s.id(), other), new UUID[] {s.id(), other});
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (var e : directed.entrySet()) {
            UUID from = ends.get(e.getKey())[0], to = ends.get(e.getKey())[1];
            CopiedPassages.Copy back = directed.get(key(to, from));
            double share = e.getValue().share(), otherShare = back == null ? 0 : back.share();
            // once per pair, from the side more of which is copied (the first stored on a tie, by id)
            if (back != null && (otherShare > share || otherShare == share && to.compareTo(from) < 0)) {
                continue;
            }
            Stored s = checks.get(from);
            pairs.add(new Pair(from, s.label(), to, checks.get(to).label(), share, otherShare,
                    e.getValue().passages().stream().map(p -> new Passage(p.getStart(), p.getEnd(),
                            s.text().substring(p.getStart(), p.getEnd()), p.getQuote())).toList()));
        }
        pairs.sort((x, y) -> Double.compare(y.share(), x.share()));
        return Optional.of(List.copyOf(pairs));
    }

    private static String key(UUID a, UUID b) { return a + "/" + b; }

    private record Stored(UUID id, String text, String label, String unitKey, List<Span> sentences) {}

    /** The index as a corpus; {@code among} limits the sentences found to those checks (null: every check). */
    private final class Jdbc implements PassageCorpus {
        private final List<UUID> among;

        Jdbc(List<UUID> among) { this.among = among; }

        @Override
        public Map<Long, Integer> unitsHolding(Collection<Long> bands, String unitKey) {
            // Boilerplate is learnt from the whole index, whatever the sentences are looked for among. Only whether a
            // band reaches the boilerplate count matters, so each band's units are counted up to it: a sentence every
            // report holds costs a few index entries, not one per stored report.
            return run(c -> {
                Map<Long, Integer> counts = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        select band, n from (
                          select b.band, (select count(*) from (select 1 from passage_unit_band p
                                                                 where p.band = b.band and p.unit_key <> ? limit ?) u) as n
                            from unnest(?::bigint[]) as b(band)) counted
                         where n > 0""")) {
                    ps.setString(1, unitKey);
                    ps.setInt(2, CopiedPassages.BOILERPLATE_UNITS);
                    ps.setArray(3, c.createArrayOf("bigint", bands.toArray(Long[]::new)));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getLong(1), rs.getInt(2));
                        }
                    }
                }
                return counts;
            });
        }

        @Override
        public List<Match> sentencesSharing(Collection<Long> bands, String unitKey, String fingerprint) {
            // A unit checks its report many times (drafts, re-runs): a new report meets each unit's latest check
            // holding a band (passage_unit_band); an audit's reports meet one another's own rows. Each other report's
            // text is read once, not once per sentence.
            return run(c -> {
                Map<UUID, List<int[]>> sentences = new LinkedHashMap<>();
                Map<UUID, String> unitKeys = new HashMap<>();
                String query = among == null ? """
                        select check_id, unit_key, sentence_start, sentence_end from passage_unit_band
                         where band = any(?) and unit_key <> ? and fingerprint <> ?"""
                        : """
                        select distinct check_id, unit_key, sentence_start, sentence_end from passage_band
                         where band = any(?) and unit_key <> ? and fingerprint <> ? and check_id = any(?)""";
                try (PreparedStatement ps = c.prepareStatement(query)) {
                    ps.setArray(1, c.createArrayOf("bigint", bands.toArray(Long[]::new)));
                    ps.setString(2, unitKey);
                    ps.setString(3, fingerprint);
                    if (among != null) {
                        ps.setArray(4, c.createArrayOf("uuid", among.toArray()));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            UUID id = rs.getObject(1, UUID.class);
                            unitKeys.put(id, rs.getString(2));
                            sentences.computeIfAbsent(id, x -> new ArrayList<>()).add(new int[] {rs.getInt(3), rs.getInt(4)});
                        }
                    }
                }
                List<Match> matches = new ArrayList<>();
                if (sentences.isEmpty()) {
                    return matches;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "select id, coalesce(unit, file_name, title, ''), report_text from report_check where id = any(?)")) {
                    ps.setArray(1, c.createArrayOf("uuid", sentences.keySet().toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            UUID id = rs.getObject(1, UUID.class);
                            String label = rs.getString(2);
                            String text = rs.getString(3);
                            for (int[] at : sentences.get(id)) {
                                if (at[1] <= text.length()) {
                                    matches.add(new Match(id.toString(), unitKeys.get(id), label, at[0], at[1],
                                            text.substring(at[0], at[1])));
                                }
                            }
                        }
                    }
                }
                return matches;
            });
        }

        @Override
        public String quote(String checkId, int start, int end) {
            return run(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "select substring(report_text from ? for ?) from report_check where id = ?")) {
                    ps.setInt(1, start + 1);
                    ps.setInt(2, end - start);
                    ps.setObject(3, UUID.fromString(checkId));
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : "";
                    }
                }
            });
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** On a connection of the data source: inside a JTA transaction it is that transaction's, and commits with it. */
    private <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("passage index: " + e.getMessage(), e);
        }
    }
}
