package tijian.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tijian.report.PartWording;
import tijian.report.PartWordings;

/**
 * The data tables under {@code rules/data/} that rule authors edit instead of Java: part wordings, canonical titles,
 * coverage topics, word lists and settings. Everything except part wordings is inserted into each check as facts.
 */
public final class RuleData {
    static final String PARTS = "data/parts.csv";
    static final String SETTINGS = "data/settings.csv";
    static final String TERMS = "data/terms.csv";
    static final String CANONICAL_TITLES = "data/canonical-titles.csv";
    static final String COVERAGE = "data/coverage.csv";

    private final List<PartWording> partWordings;
    private final List<Setting> settings;
    private final List<Term> terms;
    private final List<CanonicalTitle> canonicalTitles;
    private final List<CoverageTopic> coverageTopics;
    private final List<Item> coverageItems;

    private RuleData(List<PartWording> partWordings, List<Setting> settings, List<Term> terms,
                     List<CanonicalTitle> canonicalTitles, List<CoverageTopic> coverageTopics, List<Item> coverageItems) {
        this.partWordings = List.copyOf(partWordings);
        this.settings = List.copyOf(settings);
        this.terms = List.copyOf(terms);
        this.canonicalTitles = List.copyOf(canonicalTitles);
        this.coverageTopics = List.copyOf(coverageTopics);
        this.coverageItems = List.copyOf(coverageItems);
    }

    /** Reads the tables from the rule files (path relative to the rules directory → content); problems collected. */
    static RuleData read(Map<String, String> files, List<Problem> problems) {
        List<PartWording> parts = new ArrayList<>();
        String partsCsv = files.get(PARTS);
        if (partsCsv == null) {
            problems.add(Problem.error(PARTS, 0, 0, "missing: the part wordings are required to find the five parts"));
        } else {
            try {
                parts.addAll(PartWordings.fromCsv(new StringReader(partsCsv)));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(PARTS, lineIn(e.getMessage()), 0, e.getMessage()));
            }
        }

        List<Setting> settings = new ArrayList<>();
        for (Csv.Row row : table(files, SETTINGS, List.of("name", "value"), problems)) {
            settings.add(new Setting(row.get("name"), row.get("value")));
        }

        List<Term> terms = new ArrayList<>();
        for (Csv.Row row : table(files, TERMS, List.of("list", "term"), problems)) {
            if (row.get("term").isEmpty()) {
                problems.add(Problem.error(TERMS, row.line(), 0, "empty term in list \"" + row.get("list") + "\""));
            } else {
                terms.add(new Term(row.get("list"), row.get("term")));
            }
        }

        List<CanonicalTitle> titles = new ArrayList<>();
        for (Csv.Row row : table(files, CANONICAL_TITLES, List.of("title", "document_number"), problems)) {
            titles.add(new CanonicalTitle(row.get("title").replaceAll("^《|》$", ""), row.get("document_number")));
        }

        List<CoverageTopic> topics = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (Csv.Row row : table(files, COVERAGE, List.of("id", "title", "keywords", "weight", "advice"), problems)) {
            String id = row.get("id");
            if (!id.matches("coverage\\.[a-z0-9-]+")) {
                problems.add(Problem.error(COVERAGE, row.line(), 0, "id \"" + id + "\" must look like coverage.some-name"));
                continue;
            }
            List<String> keywords = Arrays.stream(row.get("keywords").split("[|｜]")).map(String::trim)
                    .filter(k -> !k.isEmpty()).toList();
            if (keywords.isEmpty()) {
                problems.add(Problem.error(COVERAGE, row.line(), 0, id + ": no keywords (separate them with |)"));
                continue;
            }
            Integer weight = positiveInt(row.get("weight"));
            if (weight == null) {
                problems.add(Problem.error(COVERAGE, row.line(), 0, id + ": weight must be a whole number ≥ 0, not \"" + row.get("weight") + "\""));
                continue;
            }
            topics.add(new CoverageTopic(id, row.get("title"), keywords));
            items.add(new Item(id, row.get("title"), "coverage", Severity.ADVISORY, weight, row.get("advice"), COVERAGE, row.line()));
        }
        return new RuleData(parts, settings, terms, titles, topics, items);
    }

    private static List<Csv.Row> table(Map<String, String> files, String file, List<String> columns, List<Problem> problems) {
        String content = files.get(file);
        if (content == null) {
            problems.add(Problem.error(file, 0, 0, "missing data file"));
            return List.of();
        }
        return Csv.read(file, content, columns, problems);
    }

    static Integer positiveInt(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            return v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int lineIn(String message) {
        var m = java.util.regex.Pattern.compile("line (\\d+)").matcher(message == null ? "" : message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    public List<PartWording> partWordings() { return partWordings; }
    public List<Setting> settings() { return settings; }
    public List<Term> terms() { return terms; }
    public List<CanonicalTitle> canonicalTitles() { return canonicalTitles; }
    public List<CoverageTopic> coverageTopics() { return coverageTopics; }
    List<Item> coverageItems() { return coverageItems; }

    /** Settings by name, for the Java side (scoring). */
    Map<String, String> settingsByName() {
        Map<String, String> byName = new HashMap<>();
        settings.forEach(s -> byName.put(s.getName(), s.getValue()));
        return byName;
    }

    /** Every fact the rules see besides the report's own. */
    List<Object> facts() {
        List<Object> facts = new ArrayList<>(settings);
        facts.addAll(terms);
        facts.addAll(canonicalTitles);
        facts.addAll(coverageTopics);
        return facts;
    }
}
