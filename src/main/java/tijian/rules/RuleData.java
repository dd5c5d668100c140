package tijian.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tijian.report.Part;
import tijian.report.PartWording;
import tijian.rules.safety.JavaText;

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
    static final String REQUIRED_PARTS = "data/required-parts.csv";
    static final String MESSAGES = "data/messages.csv";

    private static final Pattern SETTING_PATTERN = Pattern.compile("\\bSetting\\s*\\(([^()]*)\\)");
    private static final Pattern SETTING_NAME = Pattern.compile("\\bname\\s*==\\s*\"([^\"]+)\"");
    // Bound ($v : number) or compared (number > 3); the quoted name is taken out first, it may contain "number".
    private static final Pattern READS_NUMBER = Pattern.compile("\\bnumber\\b");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Pattern TERM_LIST = Pattern.compile("\\bTermList\\s*\\([^()]*?\\bname\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern MESSAGE = Pattern.compile("\\.(format|nameOf)\\(\\s*\"([^\"]+)\"");

    private final List<PartWording> partWordings;
    private final List<Setting> settings;
    private final List<TermList> termLists;
    private final List<CanonicalTitle> canonicalTitles;
    private final List<CoverageTopic> coverageTopics;
    private final List<Item> coverageItems;
    private final List<RequiredPart> requiredParts;
    private final Messages messages;

    private RuleData(List<PartWording> partWordings, List<Setting> settings, List<TermList> termLists,
                     List<CanonicalTitle> canonicalTitles, List<CoverageTopic> coverageTopics, List<Item> coverageItems,
                     List<RequiredPart> requiredParts, Messages messages) {
        this.partWordings = List.copyOf(partWordings);
        this.settings = List.copyOf(settings);
        this.termLists = List.copyOf(termLists);
        this.canonicalTitles = List.copyOf(canonicalTitles);
        this.coverageTopics = List.copyOf(coverageTopics);
        this.coverageItems = List.copyOf(coverageItems);
        this.requiredParts = List.copyOf(requiredParts);
        this.messages = messages;
    }

    /** Reads the tables from the rule files (path relative to the rules directory → content); problems collected. */
    static RuleData read(Map<String, String> files, List<Problem> problems) {
        List<PartWording> parts = List.of();
        if (!files.containsKey(PARTS)) {
            problems.add(Problem.error(PARTS, 0, 0, "missing: the part wordings are required to find the five parts"));
        } else {
            parts = partWordings(files.get(PARTS), problems);
        }

        List<Setting> settings = new ArrayList<>();
        for (Csv.Row row : table(files, SETTINGS, List.of("name", "value"), problems)) {
            settings.add(new Setting(row.get("name"), row.get("value"), row.line()));
        }

        Map<String, List<String>> words = new LinkedHashMap<>();
        for (Csv.Row row : table(files, TERMS, List.of("list", "term"), problems)) {
            if (row.get("term").isEmpty()) {
                problems.add(Problem.error(TERMS, row.line(), 0, "empty term in list \"" + row.get("list") + "\""));
            } else {
                words.computeIfAbsent(row.get("list"), k -> new ArrayList<>()).add(row.get("term"));
            }
        }
        List<TermList> termLists = words.entrySet().stream().map(e -> new TermList(e.getKey(), e.getValue())).toList();

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
        Messages messages = messages(files, problems);
        List<RequiredPart> required = requiredParts(files, messages, problems);
        return new RuleData(parts, settings, termLists, titles, topics, items, required, messages);
    }

    private static Messages messages(Map<String, String> files, List<Problem> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (!files.containsKey(MESSAGES)) {
            return new Messages(texts);
        }
        for (Csv.Row row : table(files, MESSAGES, List.of("key", "text"), problems)) {
            if (row.get("key").isEmpty() || row.get("text").isEmpty()) {
                problems.add(Problem.error(MESSAGES, row.line(), 0, "a message needs a key and a text"));
            } else if (texts.putIfAbsent(row.get("key"), row.get("text")) != null) {
                problems.add(Problem.error(MESSAGES, row.line(), 0, "message \"" + row.get("key") + "\" is defined twice"));
            }
        }
        return new Messages(texts);
    }

    /** Each row is an item; its messages must exist, or the item would fail every check with an exception. */
    private static List<RequiredPart> requiredParts(Map<String, String> files, Messages messages, List<Problem> problems) {
        List<RequiredPart> out = new ArrayList<>();
        if (!files.containsKey(REQUIRED_PARTS)) {
            return out;
        }
        for (Csv.Row row : table(files, REQUIRED_PARTS, List.of("part", "id", "title", "severity", "weight", "top_level",
                "advice", "basis"), problems)) {
            List<String> wrong = new ArrayList<>();
            Part part = part(row.get("part"));
            if (part == null) {
                wrong.add("unknown part \"" + row.get("part") + "\" (expected one of " + Arrays.toString(Part.values()) + ")");
            }
            String id = row.get("id");
            if (!ItemCatalog.isId(id)) {
                wrong.add("id \"" + id + "\" must look like category.some-name");
            }
            Severity severity = null;
            try {
                severity = Severity.parse(row.get("severity"));
            } catch (IllegalArgumentException e) {
                wrong.add(e.getMessage());
            }
            Integer weight = positiveInt(row.get("weight"));
            if (weight == null) {
                wrong.add("weight must be a whole number ≥ 0, not \"" + row.get("weight") + "\"");
            }
            String topLevel = row.get("top_level").toLowerCase(Locale.ROOT);
            if (!List.of("", "yes", "no").contains(topLevel)) {
                wrong.add("top_level must be yes or no, not \"" + row.get("top_level") + "\"");
            }
            for (String column : List.of("title", "advice", "basis")) {
                if (row.get(column).isEmpty()) {
                    wrong.add("empty " + column);
                }
            }
            List<String> keys = new ArrayList<>(List.of(id + RequiredPart.FOUND, id + RequiredPart.MISSING));
            if (topLevel.equals("yes")) {
                keys.add(id + RequiredPart.BELOW_TOP_LEVEL);
            }
            keys.stream().filter(k -> !messages.has(k)).forEach(k -> wrong.add("no message \"" + k + "\" in " + MESSAGES));
            if (!wrong.isEmpty()) {
                wrong.forEach(w -> problems.add(Problem.error(REQUIRED_PARTS, row.line(), 0, (id.isEmpty() ? "" : id + ": ") + w)));
                continue;
            }
            Item item = new Item(id, row.get("title"), id.substring(0, id.indexOf('.')), severity, weight, row.get("advice"),
                    row.get("basis"), REQUIRED_PARTS, row.line());
            out.add(new RequiredPart(part, item, topLevel.equals("yes")));
        }
        return out;
    }

    private static Part part(String name) {
        try {
            return Part.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Csv.Row> table(Map<String, String> files, String file, List<String> columns, List<Problem> problems) {
        String content = files.get(file);
        if (content == null) {
            problems.add(Problem.error(file, 0, 0, "missing data file"));
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

    /**
     * The heading wordings of {@code data/parts.csv} ({@code part,pattern,unless,note}); each bad row is a problem
     * naming its line, and the other rows are still read.
     */
    public static List<PartWording> partWordings(String content, List<Problem> problems) {
        List<PartWording> parts = new ArrayList<>();
        for (Csv.Row row : Csv.read(PARTS, content, List.of("part", "pattern"), problems)) {
            PartWording wording = partWording(row, problems);
            if (wording != null) {
                parts.add(wording);
            }
        }
        return parts;
    }

    private static PartWording partWording(Csv.Row row, List<Problem> problems) {
        Part part = part(row.get("part"));
        if (part == null) {
            problems.add(Problem.error(PARTS, row.line(), 0, "unknown part \"" + row.get("part") + "\" (expected one of "
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
     * What a rule names in the tables must be there, or the rule silently never fires (or throws in every check):
     * the settings it reads, the word lists ({@code TermList(name == "…")}) and the messages
     * ({@code .format("key", …)}, {@code .nameOf("table", …)}). Where the rules read a setting as a number
     * ({@code Setting(name == "…", $v : number)}, {@code number > 3}) its value must be one: NaN makes both the PASS
     * and the FAIL condition false, so a typo such as {@code 100%} would let the item pass silently.
     */
    void checkDataReadByRules(Map<String, String> drl, List<Problem> problems) {
        Map<String, Setting> byName = new HashMap<>();
        settings.forEach(s -> byName.putIfAbsent(s.getName(), s));
        Map<String, String> reported = new HashMap<>();
        drl.forEach((file, content) -> {
            // A match counts only where it starts in code: a rule quoted in a comment reads nothing.
            String code = JavaText.code(content);
            Matcher use = SETTING_PATTERN.matcher(content);
            while (use.find()) {
                if (code.charAt(use.start()) != content.charAt(use.start())) {
                    continue;
                }
                Matcher name = SETTING_NAME.matcher(use.group(1));
                if (!name.find()) {
                    continue;
                }
                String where = file + ":" + JavaText.lineOf(content, use.start());
                Setting setting = byName.get(name.group(1));
                if (setting == null) {
                    problems.add(Problem.error(file, JavaText.lineOf(content, use.start()), 0, "the rule reads setting \""
                            + name.group(1) + "\", which " + SETTINGS + " does not define"));
                } else if (READS_NUMBER.matcher(QUOTED.matcher(use.group(1)).replaceAll("")).find() && !setting.isNumber()
                        && reported.putIfAbsent(setting.getName(), where) == null) {
                    problems.add(Problem.error(SETTINGS, setting.getLine(), 0, "setting \"" + setting.getName()
                            + "\" must be a number (" + where + " reads it as one), not \"" + setting.getValue() + "\""));
                }
            }
            Matcher list = TERM_LIST.matcher(content);
            while (list.find()) {
                if (code.charAt(list.start()) != content.charAt(list.start())) {
                    continue;
                }
                if (termLists.stream().noneMatch(t -> t.getName().equals(list.group(1)))) {
                    problems.add(Problem.error(file, JavaText.lineOf(content, list.start()), 0, "the rule reads word list \""
                            + list.group(1) + "\", which " + TERMS + " does not define"));
                }
            }
            Matcher message = MESSAGE.matcher(content);
            while (message.find()) {
                if (code.charAt(message.start()) != content.charAt(message.start())) {
                    continue;
                }
                boolean known = message.group(1).equals("format") ? messages.has(message.group(2))
                        : messages.hasTable(message.group(2));
                if (!known) {
                    problems.add(Problem.error(file, JavaText.lineOf(content, message.start()), 0, "the rule uses "
                            + (message.group(1).equals("format") ? "message" : "the table of") + " \"" + message.group(2)
                            + "\", which " + MESSAGES + " does not define"));
                }
            }
        });
    }

    public List<PartWording> partWordings() { return partWordings; }
    public List<Setting> settings() { return settings; }
    public List<TermList> termLists() { return termLists; }
    public List<CanonicalTitle> canonicalTitles() { return canonicalTitles; }
    public List<CoverageTopic> coverageTopics() { return coverageTopics; }
    public List<RequiredPart> requiredParts() { return requiredParts; }
    public Messages messages() { return messages; }

    /** The items declared by rows rather than rules: coverage topics and required parts. */
    List<Item> dataItems() {
        List<Item> items = new ArrayList<>(coverageItems);
        requiredParts.forEach(p -> items.add(p.item()));
        return items;
    }

    /** Every fact the rules see besides the report's own. */
    List<Object> facts() {
        List<Object> facts = new ArrayList<>(settings);
        facts.addAll(termLists);
        facts.addAll(canonicalTitles);
        facts.addAll(coverageTopics);
        facts.addAll(requiredParts);
        facts.add(messages);
        return facts;
    }
}
