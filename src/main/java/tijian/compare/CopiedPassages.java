package tijian.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which passages of a report stand, the same or nearly, in another unit's report, and how much of the report that
 * is. Sentences are found through their band hashes and then verified on their trigrams; consecutive copied
 * sentences make one passage. What every report says (习近平法治思想, 党的二十大精神…) is not counted: a sentence
 * whose bands are held by {@link #BOILERPLATE_UNITS} or more other units is boilerplate, learnt from the corpus
 * rather than listed by hand.
 */
public final class CopiedPassages {
    private CopiedPassages() {}

    /**
     * Other units a sentence must be found in to be boilerplate. Three: one unit copying another, or two copying the
     * same third, is copying; a sentence four units wrote alike is how such reports are written. A paragraph a whole
     * district's units took from one template is therefore boilerplate too, which is what a reader would say of it.
     */
    public static final int BOILERPLATE_UNITS = 3;
    /** Trigram similarity from which two sentences are the same sentence, edited (a unit's name changed, a figure). */
    static final double SAME_SENTENCE = 0.6;
    /** Characters two copied sentences may stand apart (a heading or a short sentence between) and still be one passage. */
    static final int PASSAGE_GAP = 80;

    /** What one other unit's report holds of this one: its share of this report's countable text and the passages. */
    public record Copy(String checkId, String unitKey, String label, double share, List<CopiedPassage> passages) {}

    /** The copies, most similar unit first; {@code countable} is the report's normalised text that is not boilerplate. */
    public record Result(List<Copy> copies, int countable, int boilerplate) {
        public Similarity similarity() {
            if (copies.isEmpty()) {
                return new Similarity(0, null, null, List.of(), countable, boilerplate);
            }
            Copy top = copies.get(0);
            return new Similarity(top.share(), top.label(), top.checkId(),
                    top.passages().stream().map(CopiedPassage::getCounterpart).toList(), countable, boilerplate);
        }

        public List<CopiedPassage> passages() {
            return copies.stream().flatMap(c -> c.passages().stream()).toList();
        }

        /** The same copies with the other units' names, checks and text withheld (see {@link Companions#othersNamed}). */
        Result unnamed() {
            return new Result(copies.stream().map(c -> new Copy(null, c.unitKey(), CopiedPassage.UNNAMED, c.share(),
                    c.passages().stream().map(CopiedPassage::unnamed).toList())).toList(), countable, boilerplate);
        }
    }

    /**
     * The facts the rules see: one {@link CopiedPassage} per passage and one {@link Similarity}; with
     * {@code othersNamed} false the other units stay anonymous (the share and this report's passages remain).
     */
    public static List<Object> facts(IndexedReport report, PassageCorpus corpus, boolean othersNamed) {
        Result found = find(report, corpus);
        Result result = othersNamed ? found : found.unnamed();
        List<Object> facts = new ArrayList<>(result.passages());
        facts.add(result.similarity());
        return facts;
    }

    public static Result find(IndexedReport report, PassageCorpus corpus) {
        Set<Long> all = new HashSet<>();
        report.sentences().forEach(s -> { for (long b : s.bands()) all.add(b); });
        Map<Long, Integer> units = all.isEmpty() ? Map.of() : corpus.unitsHolding(all, report.unitKey());
        List<IndexedReport.Sentence> countable = new ArrayList<>();
        int countableChars = 0, boilerplateChars = 0;
        for (IndexedReport.Sentence s : report.sentences()) {
            if (isBoilerplate(s, units)) {
                boilerplateChars += s.normalised().length();
            } else {
                countable.add(s);
                countableChars += s.normalised().length();
            }
        }
        Set<Long> wanted = new HashSet<>();
        countable.forEach(s -> { for (long b : s.bands()) if (units.containsKey(b)) wanted.add(b); });
        if (wanted.isEmpty()) {
            return new Result(List.of(), countableChars, boilerplateChars);
        }
        Map<Long, List<PassageCorpus.Match>> byBand = byBand(corpus.sentencesSharing(wanted, report.unitKey(), report.fingerprint()));

        // For each countable sentence, its best counterpart in each check that holds one.
        Map<String, Map<IndexedReport.Sentence, PassageCorpus.Match>> perCheck = new LinkedHashMap<>();
        Map<String, PassageCorpus.Match> anyOfCheck = new HashMap<>();
        for (IndexedReport.Sentence s : countable) {
            Map<String, PassageCorpus.Match> best = new HashMap<>();
            Map<String, Double> bestScore = new HashMap<>();
            Set<PassageCorpus.Match> seen = new HashSet<>();
            for (long b : s.bands()) {
                for (PassageCorpus.Match m : byBand.getOrDefault(b, List.of())) {
                    if (!seen.add(m)) {
                        continue;
                    }
                    double similarity = Shingles.similarity(s.normalised(), Shingles.normalise(m.text()));
                    if (similarity >= SAME_SENTENCE && similarity > bestScore.getOrDefault(m.checkId(), 0.0)) {
                        best.put(m.checkId(), m);
                        bestScore.put(m.checkId(), similarity);
                    }
                }
            }
            best.forEach((check, m) -> {
                perCheck.computeIfAbsent(check, c -> new LinkedHashMap<>()).put(s, m);
                anyOfCheck.putIfAbsent(check, m);
            });
        }

        // One check per unit (a unit's report may be stored several times): the one holding most of this report.
        Map<String, Copy> perUnit = new HashMap<>();
        for (var e : perCheck.entrySet()) {
            PassageCorpus.Match any = anyOfCheck.get(e.getKey());
            int chars = e.getValue().keySet().stream().mapToInt(s -> s.normalised().length()).sum();
            double share = countableChars == 0 ? 0 : Math.min(1.0, (double) chars / countableChars);
            Copy copy = new Copy(e.getKey(), any.unitKey(), any.label(), share, passages(report, e.getValue(), corpus));
            perUnit.merge(any.unitKey(), copy, (a, b) -> better(a, b) ? a : b);
        }
        List<Copy> copies = new ArrayList<>(perUnit.values());
        copies.sort(Comparator.comparingDouble(Copy::share).reversed().thenComparing(Copy::unitKey).thenComparing(Copy::checkId));
        return new Result(List.copyOf(copies), countableChars, boilerplateChars);
    }

    private static boolean better(Copy a, Copy b) {
        return a.share() != b.share() ? a.share() > b.share() : a.checkId().compareTo(b.checkId()) < 0;
    }

    private static boolean isBoilerplate(IndexedReport.Sentence s, Map<Long, Integer> units) {
        for (long b : s.bands()) {
            if (units.getOrDefault(b, 0) >= BOILERPLATE_UNITS) {
                return true;
            }
        }
        return false;
    }

    private static Map<Long, List<PassageCorpus.Match>> byBand(List<PassageCorpus.Match> matches) {
        Map<Long, List<PassageCorpus.Match>> byBand = new HashMap<>();
        Map<PassageCorpus.Match, long[]> bandsOf = new HashMap<>();
        for (PassageCorpus.Match m : matches) {
            long[] bands = bandsOf.computeIfAbsent(m, x -> Shingles.bands(Shingles.normalise(x.text())));
            for (long b : bands) {
                byBand.computeIfAbsent(b, x -> new ArrayList<>()).add(m);
            }
        }
        return byBand;
    }

    /** Consecutive copied sentences (in both reports' order, close together) joined into passages. */
    private static List<CopiedPassage> passages(IndexedReport report, Map<IndexedReport.Sentence, PassageCorpus.Match> matched,
                                                PassageCorpus corpus) {
        List<IndexedReport.Sentence> sentences = new ArrayList<>(matched.keySet());
        sentences.sort(Comparator.comparingInt(IndexedReport.Sentence::start));
        List<CopiedPassage> out = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= sentences.size(); i++) {
            boolean joins = i < sentences.size() && continues(sentences.get(i - 1), matched.get(sentences.get(i - 1)),
                    sentences.get(i), matched.get(sentences.get(i)));
            if (!joins) {
                out.add(passage(report, sentences.subList(from, i), matched, corpus));
                from = i;
            }
        }
        return out;
    }

    private static boolean continues(IndexedReport.Sentence a, PassageCorpus.Match ma, IndexedReport.Sentence b, PassageCorpus.Match mb) {
        return b.start() - a.end() <= PASSAGE_GAP && mb.start() >= ma.end() && mb.start() - ma.end() <= PASSAGE_GAP;
    }

    private static CopiedPassage passage(IndexedReport report, List<IndexedReport.Sentence> run,
                                         Map<IndexedReport.Sentence, PassageCorpus.Match> matched, PassageCorpus corpus) {
        IndexedReport.Sentence first = run.get(0), last = run.get(run.size() - 1);
        PassageCorpus.Match mFirst = matched.get(first), mLast = matched.get(last);
        String quote = run.size() == 1 ? mFirst.text() : corpus.quote(mFirst.checkId(), mFirst.start(), mLast.end());
        int chars = run.stream().mapToInt(s -> s.normalised().length()).sum();
        return new CopiedPassage(new Counterpart(first.start(), last.end(), mFirst.checkId(), mFirst.label(), quote.strip()),
                mFirst.unitKey(), run.size(), chars);
    }
}
