package tijian.rules;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.kie.api.KieBase;

import tijian.report.ReportParser;

/**
 * One compiled, validated revision of the rules directory: the .drl files, the data tables and the examples,
 * immutable once built. Checks take the active rule set when they start and keep it to the end, so a swap never
 * changes the rules under a running check.
 *
 * @param revision sha256 over every file's path and content; the same files give the same revision
 * @param files    every file the revision consists of, by path relative to the rules directory
 * @param items    the checklist items in catalogue order, by id
 * @param rulesByItem the rules that judge each item, where they are written
 * @param profile  which profile this is ({@link Profiles#BASE} for the base rule book)
 * @param profiles the base's profiles by name (empty in a profile's own rule set)
 */
public record RuleSet(String revision, SortedMap<String, String> files, KieBase kieBase, Map<String, Item> items,
                      RuleData data, ReportParser parser, Scoring scoring, List<Problem> warnings,
                      List<Example> examples, Map<String, List<ItemCatalog.RuleRef>> rulesByItem,
                      String profile, Map<String, RuleSet> profiles) {

    /** The rule set of a profile of this base; the base itself for null, blank or {@link Profiles#BASE}. */
    public RuleSet forProfile(String name) {
        if (name == null || name.isBlank() || name.strip().equals(profile)) {
            return this;
        }
        RuleSet p = profiles.get(name.strip());
        if (p == null) {
            throw Profiles.unknown(name.strip(), profileNames());
        }
        return p;
    }

    /** Every profile a check may name, the base first. */
    public java.util.Set<String> profileNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        names.add(profile);
        names.addAll(profiles.keySet());
        return names;
    }

    /** The first 12 hex digits, enough to tell revisions apart in a list. */
    public String shortRevision() { return revision.substring(0, 12); }
}
