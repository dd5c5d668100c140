package tijian.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words figures are read with, from {@code metric-lexicon.txt} beside this class: they are a linguist's data,
 * kept apart from the scanner so that adding a measure word or a fixed expression touches no code. Read once.
 */
final class MetricLexicon {
    /** A word that bounds a figure, and the bound it gives. */
    record Qualifier(String word, Bound bound) {}

    static final MetricLexicon WORDS = load("metric-lexicon.txt");

    final List<String> units;
    /** Unit → characters that, right after it, make it part of a word. */
    final Map<String, String> unitBlockers;
    final List<Qualifier> preQualifiers;
    final List<Qualifier> postQualifiers;
    final List<String> cutAfter;
    final List<String> leading;
    final List<String> trailing;
    final List<String> keepWords;
    final List<String> fixed;
    final String oneBlockers;
    /** Longest entry of {@link #fixed}: how far before a numeral a fixed expression can start. */
    final int longestFixed;

    private MetricLexicon(Map<String, List<String>> sections) {
        units = words(sections, "units");
        unitBlockers = new LinkedHashMap<>();
        for (String line : lines(sections, "unit-blockers")) {
            String[] pair = pair(line);
            unitBlockers.put(pair[0], pair[1]);
        }
        preQualifiers = qualifiers(sections, "pre-qualifiers");
        postQualifiers = qualifiers(sections, "post-qualifiers");
        cutAfter = words(sections, "cut-after");
        leading = words(sections, "leading");
        trailing = words(sections, "trailing");
        keepWords = words(sections, "keep-words");
        fixed = words(sections, "fixed");
        oneBlockers = String.join("", words(sections, "one-blockers"));
        longestFixed = fixed.stream().mapToInt(String::length).max().orElse(0);
    }

    static MetricLexicon load(String resource) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        try (InputStream in = MetricLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = new ArrayList<>();
                    sections.put(line.substring(1, line.length() - 1), current);
                } else if (current == null) {
                    throw new IllegalStateException(resource + ": words before the first [section]: " + line);
                } else {
                    current.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MetricLexicon(sections);
    }

    private static List<String> lines(Map<String, List<String>> sections, String name) {
        List<String> lines = sections.get(name);
        if (lines == null) {
            throw new IllegalStateException("metric lexicon has no [" + name + "]");
        }
        return lines;
    }

    private static List<String> words(Map<String, List<String>> sections, String name) {
        List<String> words = new ArrayList<>();
        for (String line : lines(sections, name)) {
            words.addAll(List.of(line.split("[ \t]+")));
        }
        return List.copyOf(words);
    }

    private static String[] pair(String line) {
        String[] pair = line.split("[ \t]+");
        if (pair.length != 2) {
            throw new IllegalStateException("metric lexicon: expected two words in '" + line + "'");
        }
        return pair;
    }

    private static List<Qualifier> qualifiers(Map<String, List<String>> sections, String name) {
        return lines(sections, name).stream().map(MetricLexicon::pair).map(p -> new Qualifier(p[0], Bound.valueOf(p[1]))).toList();
    }
}
