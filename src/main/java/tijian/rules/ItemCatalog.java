package tijian.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import tijian.rules.safety.JavaText;

/**
 * Collects the checklist items a rule set declares. Every rule names its item with {@code @item("id")}; exactly one
 * rule per item also carries the item's description:
 * <pre>
 * rule "structure.shortcomings"
 *     &#64;item("structure.shortcomings") &#64;title("存在的不足和原因") &#64;category("structure")
 *     &#64;severity("mandatory") &#64;weight(10) &#64;advice("增设……部分")
 *     &#64;basis("《法治政府建设与责任落实督察工作规定》")
 * </pre>
 */
final class ItemCatalog {
    static final String ITEM = "item";
    private static final Pattern ID = Pattern.compile("[a-z]+\\.[a-z0-9-]+");
    /** The facts that stand for rows declaring items, and their tables. */
    private static final Map<Class<?>, String> ROW_TABLES = Map.of(RequiredPart.class, RuleData.REQUIRED_PARTS,
            CoverageTopic.class, RuleData.COVERAGE);

    private ItemCatalog() {}

    private record Declared(Rule rule, String file, int line) {}

    /** Where a rule is written, for authors who look an item up. */
    public record RuleRef(String name, String file, int line) {}

    /** The items, and for each the rules that judge it. */
    record Catalog(Map<String, Item> items, Map<String, List<RuleRef>> rulesByItem) {}

    static Catalog items(KieBase kieBase, Map<String, String> drl, List<Item> dataItems, List<Problem> problems) {
        List<Declared> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                int[] where = {0};
                String file = locate(rule.getName(), drl, where);
                rules.add(new Declared(rule, file, where[0]));
            }
        }
        rules.sort(Comparator.comparing(Declared::file).thenComparingInt(Declared::line));

        Map<String, Item> items = new LinkedHashMap<>();
        for (Declared d : rules) {
            Map<String, Object> meta = d.rule().getMetaData();
            if (meta.containsKey("title")) {
                Item item = declare(d, meta, problems);
                if (item != null && items.putIfAbsent(item.id(), item) != null) {
                    Item first = items.get(item.id());
                    problems.add(Problem.error(d.file(), d.line(), 1, "item " + item.id() + " is already declared at "
                            + first.file() + ":" + first.line() + "; other rules of the item carry only @item"));
                }
            }
        }
        for (Item item : dataItems) {
            if (items.containsKey(item.id())) {
                problems.add(Problem.error(item.file(), item.line(), 1, "item " + item.id() + " is also declared in a rule"));
            }
        }
        items = withDataItems(items, dataItems);
        Map<String, List<RuleRef>> rulesByItem = new LinkedHashMap<>();
        for (Declared d : rules) {
            Object id = d.rule().getMetaData().get(ITEM);
            if (id != null) {
                rulesByItem.computeIfAbsent(id.toString(), k -> new ArrayList<>()).add(new RuleRef(d.rule().getName(), d.file(), d.line()));
            }
            String table = id == null ? rowsJudged(d.rule()) : null;
            if (table != null) {
                dataItems.stream().filter(i -> i.file().equals(table)).forEach(i -> rulesByItem
                        .computeIfAbsent(i.id(), k -> new ArrayList<>()).add(new RuleRef(d.rule().getName(), d.file(), d.line())));
            } else if (id == null) {
                problems.add(Problem.warning(d.file(), d.line(), 1, "rule \"" + d.rule().getName()
                        + "\" has no @item: it can prepare facts but cannot report a finding"));
            } else if (!items.containsKey(id.toString())) {
                problems.add(Problem.error(d.file(), d.line(), 1, "rule \"" + d.rule().getName() + "\" names item "
                        + id + ", which no rule declares (the declaring rule carries @title, @category, @severity, @weight, @advice, @basis)"));
            }
        }
        return new Catalog(items, rulesByItem);
    }

    /**
     * The data table whose items a rule without {@code @item} judges: the one whose row facts it matches at the top of
     * its conditions ({@code $p : RequiredPart()}, {@code $t : CoverageTopic()}); null for a rule that only prepares facts.
     */
    private static String rowsJudged(Rule rule) {
        if (!(rule instanceof RuleImpl impl)) {
            return null;
        }
        for (RuleConditionElement e : impl.getLhs().getChildren()) {
            if (e instanceof org.drools.base.rule.Pattern p && p.getObjectType() instanceof ClassObjectType c) {
                String table = ROW_TABLES.get(c.getClassType());
                if (table != null) {
                    return table;
                }
            }
        }
        return null;
    }

    /**
     * A row-declared item stands with the items of its category (the required parts lead the structure items, as the
     * parts lead a report); a category only rows declare (coverage) follows the rest.
     */
    private static Map<String, Item> withDataItems(Map<String, Item> declared, List<Item> dataItems) {
        Map<String, Item> out = new LinkedHashMap<>();
        for (Item item : declared.values()) {
            dataItems.stream().filter(d -> d.category().equals(item.category()) && !declared.containsKey(d.id()))
                    .forEach(d -> out.putIfAbsent(d.id(), d));
            out.putIfAbsent(item.id(), item);
        }
        dataItems.stream().filter(d -> !declared.containsKey(d.id())).forEach(d -> out.putIfAbsent(d.id(), d));
        return out;
    }

    private static Item declare(Declared d, Map<String, Object> meta, List<Problem> problems) {
        String id = text(meta, ITEM);
        List<String> missing = new ArrayList<>();
        for (String key : List.of(ITEM, "title", "category", "severity", "weight", "advice", "basis")) {
            if (text(meta, key).isEmpty()) {
                missing.add("@" + key);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(Problem.error(d.file(), d.line(), 1, "rule \"" + d.rule().getName() + "\" declares an item but lacks " + missing));
            return null;
        }
        if (!isId(id)) {
            problems.add(Problem.error(d.file(), d.line(), 1, "item id \"" + id + "\" must look like category.some-name"));
            return null;
        }
        Integer weight = RuleData.positiveInt(text(meta, "weight"));
        if (weight == null) {
            problems.add(Problem.error(d.file(), d.line(), 1, "@weight of " + id + " must be a whole number ≥ 0"));
            return null;
        }
        Severity severity;
        try {
            severity = Severity.parse(text(meta, "severity"));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(d.file(), d.line(), 1, id + ": " + e.getMessage()));
            return null;
        }
        return new Item(id, text(meta, "title"), text(meta, "category"), severity, weight, text(meta, "advice"), text(meta, "basis"),
                d.file(), d.line());
    }

    static boolean isId(String id) { return ID.matcher(id).matches(); }

    private static String text(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            return "";
        }
        String s = v.toString().strip();
        // Drools keeps the quotes of some metadata values; rule authors should not see them.
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Finds the file and line where a rule is written. */
    private static String locate(String ruleName, Map<String, String> drl, int[] line) {
        Pattern header = Pattern.compile("(?m)^\\s*rule\\s+(\"" + Pattern.quote(ruleName) + "\"|'" + Pattern.quote(ruleName)
                + "'|" + Pattern.quote(ruleName) + "\\s)");
        for (var e : drl.entrySet()) {
            Matcher m = header.matcher(e.getValue());
            if (m.find()) {
                line[0] = JavaText.lineOf(e.getValue(), m.start() + m.group().indexOf("rule"));
                return e.getKey();
            }
        }
        return "(rules)";
    }
}
