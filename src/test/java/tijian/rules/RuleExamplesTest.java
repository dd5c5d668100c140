package tijian.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The examples written beside the .drl files are real tests: every one must come out as its header says. */
class RuleExamplesTest {

    /** The ids the domain catalogue fixes; rules may add items, never drop these. */
    static final List<String> CATALOGUE = List.of(
            "structure.measures-results", "structure.shortcomings", "structure.causes", "structure.first-responsible",
            "structure.next-year-plan", "structure.other-matters", "structure.heading-numbering",
            "disclosure.head-appearance-rate", "disclosure.case-counts", "plan.target-year", "plan.quantified-targets",
            "consistency.report-year", "consistency.stated-rates", "consistency.percent-range",
            "consistency.breakdown-sum", "citation.canonical-titles", "format.document-number",
            "format.paired-punctuation", "meta.title", "meta.publication-deadline",
            "coverage.administrative-review", "coverage.administrative-litigation", "coverage.loss-rate",
            "coverage.three-systems", "coverage.certified-enforcement", "coverage.decision-legality-review",
            "coverage.normative-documents", "coverage.legal-advisers", "coverage.legal-publicity",
            "coverage.dispute-resolution", "coverage.government-transparency", "coverage.leaders-report-on-law");

    @Test
    void catalogueItemsExist() {
        Set<String> missing = new TreeSet<>(CATALOGUE);
        missing.removeAll(TestRules.rules().items().keySet());
        assertTrue(missing.isEmpty(), "catalogue items not declared: " + missing);
    }

    @Test
    void everyExamplePasses() {
        RuleSet rules = TestRules.rules();
        List<String> failures = new ArrayList<>();
        for (RuleSetCompiler.ExampleResult r : RuleSetCompiler.runAllExamples(rules)) {
            if (!r.passed()) {
                failures.add(r.example().item() + " " + r.example().expected() + " at " + r.example().file() + ":"
                        + r.example().line() + ": " + r.failure());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + rules.examples().size() + " examples fail:\n" + String.join("\n", failures));
        }
    }

    @Test
    void everyItemHasAPassingAndAFailingExample() {
        RuleSet rules = TestRules.rules();
        Map<String, Set<Status>> seen = new TreeMap<>();
        rules.examples().forEach(e -> seen.computeIfAbsent(e.item(), k -> new TreeSet<>()).add(e.expected()));
        List<String> lacking = new ArrayList<>();
        for (String id : rules.items().keySet()) {
            Set<Status> s = seen.getOrDefault(id, Set.of());
            if (!s.contains(Status.PASS)) {
                lacking.add(id + " has no PASS example");
            }
            if (!s.contains(Status.FAIL) && !s.contains(Status.WARN)) {
                lacking.add(id + " has no FAIL or WARN example");
            }
        }
        assertEquals(List.of(), lacking);
    }

    @Test
    void theWholeSetCompilesWithItsExamples() throws Exception {
        RuleSet rules = RuleSetCompiler.compile(TestRules.files());
        assertTrue(rules.items().size() >= CATALOGUE.size());
    }
}
