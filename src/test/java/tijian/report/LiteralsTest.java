package tijian.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.nio.file.*; import java.util.*; import java.util.regex.*; import java.util.stream.*;
import org.junit.jupiter.api.Test;

/**
 * Finding quoted words without the regex engine gives exactly the engine's matches: random word lists from the rule
 * data (and prefixes of those words, so that words overlap) over the sample reports and rule files, in random regions.
 */
class LiteralsTest {
    @Test
    void sameMatchesAsTheRegexEngine() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("src/test/resources/reports")), Files.walk(Path.of("rules")))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) texts.add(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8));
        }
        Set<String> vocab = new TreeSet<>();
        for (String f : List.of("rules/data/terms.csv", "rules/data/coverage.csv", "rules/data/parts.csv"))
            for (String tok : Files.readString(Path.of(f)).split("[,;|\\s\"]+")) if (!tok.isBlank()) vocab.add(tok);
        List<String> v = new ArrayList<>(vocab);
        Random r = new Random(7); int checked = 0, matches = 0;
        for (int round = 0; round < 3000; round++) {
            List<String> words = new ArrayList<>();
            int n = 1 + r.nextInt(12);
            for (int i = 0; i < n; i++) { String w = v.get(r.nextInt(v.size())); if (r.nextInt(4) == 0 && w.length() > 1) w = w.substring(0, 1 + r.nextInt(w.length() - 1)); words.add(w); }
            String regex = words.stream().map(Pattern::quote).collect(Collectors.joining("|"));
            Literals l = Literals.of(regex);
            if (l == null) throw new AssertionError(regex);
            String text = texts.get(r.nextInt(texts.size()));
            int from = r.nextInt(text.length() + 1), to = from + r.nextInt(text.length() - from + 1);
            if (r.nextBoolean()) { from = 0; to = text.length(); }
            List<Span> a = l.find(text, from, to, TextIndex.CharOffsets.of(text));
            Matcher m = Pattern.compile(regex).matcher(text).region(from, to);
            List<String> b = new ArrayList<>(); while (m.find()) if (m.end() > m.start()) b.add(m.start() + "-" + m.end());
            assertEquals(b, a.stream().map(x -> x.getStart() + "-" + x.getEnd()).toList(), regex);
            checked++; matches += b.size();
        }
        assertEquals(3000, checked);
        org.junit.jupiter.api.Assertions.assertTrue(matches > 1000, "the words occur in the texts: " + matches);
        assertEquals(null, Literals.of("\\Qa\\E\\\\E\\Qb\\E"));
        assertEquals(null, Literals.of("(?!)"));
        assertEquals(null, Literals.of("\\Qa\\E|b"));
    }
}
