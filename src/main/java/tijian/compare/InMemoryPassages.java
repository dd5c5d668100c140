package tijian.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A few reports held in memory (an example's companions, a test's corpus), indexed by band hash like the service's. */
final class InMemoryPassages implements PassageCorpus {
    private record Entry(OtherReport other, IndexedReport indexed, IndexedReport.Sentence sentence) {}

    private final Map<Long, List<Entry>> byBand = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();

    InMemoryPassages(List<OtherReport> reports) {
        for (OtherReport other : reports) {
            IndexedReport indexed = IndexedReport.of(other.report().getText(), other.unitKey(), IndexedReport.prose(other.report()));
            texts.put(other.checkId(), indexed.text());
            for (IndexedReport.Sentence s : indexed.sentences()) {
                for (long band : s.bands()) {
                    byBand.computeIfAbsent(band, b -> new ArrayList<>()).add(new Entry(other, indexed, s));
                }
            }
        }
    }

    @Override
    public Map<Long, Integer> unitsHolding(Collection<Long> bands, String unitKey) {
        Map<Long, Integer> counts = new HashMap<>();
        for (long band : new HashSet<>(bands)) {
            Set<String> units = new HashSet<>();
            for (Entry e : byBand.getOrDefault(band, List.of())) {
                if (!e.indexed().unitKey().equals(unitKey)) {
                    units.add(e.indexed().unitKey());
                }
            }
            if (!units.isEmpty()) {
                counts.put(band, units.size());
            }
        }
        return counts;
    }

    @Override
    public List<Match> sentencesSharing(Collection<Long> bands, String unitKey, String fingerprint) {
        Set<Match> matches = new LinkedHashSet<>();
        for (long band : new LinkedHashSet<>(bands)) {
            for (Entry e : byBand.getOrDefault(band, List.of())) {
                if (!e.indexed().unitKey().equals(unitKey) && !e.indexed().fingerprint().equals(fingerprint)) {
                    IndexedReport.Sentence s = e.sentence();
                    matches.add(new Match(e.other().checkId(), e.indexed().unitKey(), label(e.other()), s.start(), s.end(),
                            e.indexed().text().substring(s.start(), s.end())));
                }
            }
        }
        return List.copyOf(matches);
    }

    @Override
    public String quote(String checkId, int start, int end) {
        String text = texts.getOrDefault(checkId, "");
        return text.substring(Math.min(start, text.length()), Math.min(end, text.length()));
    }

    private static String label(OtherReport other) {
        String unit = other.report().getUnit();
        return unit != null ? unit : other.report().getTitle() != null ? other.report().getTitle() : other.checkId();
    }
}
