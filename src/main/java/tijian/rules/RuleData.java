package tijian.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tijian.report.Part;
import tijian.report.PartWording;

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

    private static final Pattern SETTING_PATTERN = Pattern.compile("\\bSetting\\s*\\(([^()]*)\\)");
    private static final Pattern SETTING_NAME = Pattern.compile("\\bname\\s*==\\s*\"([^\"]+)\"");
    // Bound ($v : number) or compared (number > 3); the quoted name is taken out first, it may contain "number".
    private static final Pattern READS_NUMBER = Pattern.compile("\\bnumber\\b");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

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
        if (!files.containsKey(PARTS)) {
            problems.add(Problem.error(PARTS, 0, 0, "missing: the part wordings are required to find the five parts"));
        }
        for (Csv.Row row : table(files, PARTS, List.of("part", "pattern"), problems)) {
            PartWording wording = partWording(row, problems);
            if (wording != null) {
                parts.add(wording);
            }
        }

        List<Setting> settings = new ArrayList<>();
        for (Csv.Row row : table(files, SETTINGS, List.of("name", "value"), problems)) {
            settings.add(new Setting(row.get("name"), row.get("value"), row.line()));
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
            Integer from = year(row, "valid_from", problems);
            Integer to = year(row, "valid_to", problems);
            if (from != null && to != null && to < from) {
                problems.add(Problem.error(CANONICAL_TITLES, row.line(), 0, "valid_to " + to + " is before valid_from " + from));
            }
            titles.add(new CanonicalTitle(row.get("title").replaceAll("^《|》$", ""), row.get("document_number"), from, to));
        }

        List<CoverageTopic> topics = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (Csv.Row row : table(files, COVERAGE, List.of("id", "title", "keywords", "weight", "advice", "basis"), problems)) {
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
            if (row.get("basis").isBlank()) {
                problems.add(Problem.error(COVERAGE, row.line(), 0, id + ": no basis (the document that asks for it)"));
                continue;
            }
            topics.add(new CoverageTopic(id, row.get("title"), keywords));
            items.add(new Item(id, row.get("title"), "coverage", Severity.ADVISORY, weight, row.get("advice"), row.get("basis"),
                    COVERAGE, row.line()));
        }
        return new RuleData(parts, settings, terms, titles, topics, items);
    }

    private static List<Csv.Row> table(Map<String, String> files, String file, List<String> columns, List<Problem> problems) {
        String content = files.get(file);
        if (content == null) {
            if (!file.equals(PARTS)) {
                problems.add(Problem.error(file, 0, 0, "missing data file"));
            }
            return List.of();
        }
        return Csv.read(file, content, columns, problems);
    }

    /** An optional year column of canonical-titles.csv: empty is null, anything but a year is refused. */
    private static Integer year(Csv.Row row, String column, List<Problem> problems) {
        String v = row.get(column).strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("(19|20)\\d\\d")) {
            problems.add(Problem.error(CANONICAL_TITLES, row.line(), 0, column + " must be a year such as 2025, not \"" + v + "\""));
            return null;
        }
        return Integer.parseInt(v);
    }

    static Integer positiveInt(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            return v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static PartWording partWording(Csv.Row row, List<Problem> problems) {
        String partName = row.get("part");
        Part part;
        try {
            part = Part.valueOf(partName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(PARTS, row.line(), 0, "unknown part \"" + partName + "\" (expected one of "
                    + Arrays.toString(Part.values()) + ")"));
            return null;
        }
        if (row.get("pattern").isEmpty()) {
            problems.add(Problem.error(PARTS, row.line(), 0, "empty pattern"));
            return null;
        }
        Pattern pattern = regex(row, "pattern", problems);
        Pattern unless = row.get("unless").isEmpty() ? null : regex(row, "unless", problems);
        if (pattern == null || (unless == null && !row.get("unless").isEmpty())) {
            return null;
        }
        return new PartWording(part, pattern, unless);
    }

    private static Pattern regex(Csv.Row row, String column, List<Problem> problems) {
        try {
            return Pattern.compile(row.get(column));
        } catch (PatternSyntaxException e) {
            problems.add(Problem.error(PARTS, row.line(), 0, "bad " + column + " regex \"" + row.get(column) + "\": "
                    + e.getDescription()));
            return null;
        }
    }

    /**
     * Where the rules read a setting as a number ({@code Setting(name == "…", $v : number)}, {@code number > 3}) its
     * value must be one:
     * NaN makes both the PASS and the FAIL condition false, so a typo such as {@code 100%} would let the item pass
     * silently. A setting a rule reads that the table lacks is refused for the same reason.
     */
    void checkSettingsReadByRules(Map<String, String> drl, List<Problem> problems) {
        Map<String, Setting> byName = new HashMap<>();
        settings.forEach(s -> byName.putIfAbsent(s.getName(), s));
        Map<String, String> reported = new HashMap<>();
        drl.forEach((file, content) -> {
            Matcher use = SETTING_PATTERN.matcher(content);
            while (use.find()) {
                Matcher name = SETTING_NAME.matcher(use.group(1));
                if (!name.find()) {
                    continue;
                }
                String where = file + ":" + lineAt(content, use.start());
                Setting setting = byName.get(name.group(1));
                if (setting == null) {
                    problems.add(Problem.error(file, lineAt(content, use.start()), 0, "the rule reads setting \""
                            + name.group(1) + "\", which " + SETTINGS + " does not define"));
                } else if (READS_NUMBER.matcher(QUOTED.matcher(use.group(1)).replaceAll("")).find() && !setting.isNumber()
                        && reported.putIfAbsent(setting.getName(), where) == null) {
                    problems.add(Problem.error(SETTINGS, setting.getLine(), 0, "setting \"" + setting.getName()
                            + "\" must be a number (" + where + " reads it as one), not \"" + setting.getValue() + "\""));
                }
            }
        });
    }

    private static int lineAt(String content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public List<PartWording> partWordings() { return partWordings; }
    public List<Setting> settings() { return settings; }
    public List<Term> terms() { return terms; }
    public List<CanonicalTitle> canonicalTitles() { return canonicalTitles; }
    public List<CoverageTopic> coverageTopics() { return coverageTopics; }
    List<Item> coverageItems() { return coverageItems; }

    /** Every fact the rules see besides the report's own. */
    List<Object> facts() {
        List<Object> facts = new ArrayList<>(settings);
        facts.addAll(terms);
        facts.addAll(canonicalTitles);
        facts.addAll(coverageTopics);
        return facts;
    }
}
