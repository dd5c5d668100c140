package tijian.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.runtime.KieSession;

import tijian.report.Report;
import tijian.report.Span;

/** Runs one report through one rule set and folds the findings into a scored checklist. */
public final class Checker {
    /** A rule set that keeps firing this often is looping on its own insertions; stop it rather than hang. */
    private static final int MAX_FIRINGS = 100_000;

    private Checker() {}

    public static Checklist check(Report report, RuleSet rules) {
        List<Finding> findings = findings(report, rules);
        Map<String, List<Finding>> byItem = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (rules.items().containsKey(f.getItem())) {
                byItem.computeIfAbsent(f.getItem(), k -> new ArrayList<>()).add(f);
            }
        }
        List<ChecklistItem> items = new ArrayList<>();
        for (Item item : rules.items().values()) {
            items.add(verdict(item, byItem.getOrDefault(item.id(), List.of()), report));
        }
        items.sort(Comparator.comparing(ChecklistItem::status).thenComparing(i -> i.severity().ordinal()));
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
        double score = rules.scoring().score(items);
        return new Checklist(rules.revision(), score, rules.scoring().grade(score, items), counts, List.copyOf(items));
    }

    private static List<Finding> findings(Report report, RuleSet rules) {
        // Drools looks its runtime services up through the context class loader; a pool thread (examples run in
        // parallel) may carry another one, and a failed lookup breaks Drools for the rest of the JVM.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Checker.class.getClassLoader());
        KieSession session = null;
        try {
            session = rules.kieBase().newKieSession();
            session.insert(report);
            report.getSections().forEach(session::insert);
            report.getMetrics().forEach(session::insert);
            report.getTargets().forEach(session::insert);
            report.getBreakdowns().forEach(session::insert);
            report.getCitations().forEach(session::insert);
            report.getDocumentNumbers().forEach(session::insert);
            report.getUnpairedMarks().forEach(session::insert);
            report.getYearMentions().forEach(session::insert);
            rules.data().facts().forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("the rules fired " + fired + " times and were stopped: a rule keeps re-triggering itself");
            }
            List<Finding> findings = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Finding)) {
                findings.add((Finding) o);
            }
            return findings;
        } finally {
            if (session != null) {
                session.dispose();
            }
            thread.setContextClassLoader(previous);
        }
    }

    private static ChecklistItem verdict(Item item, List<Finding> findings, Report report) {
        Status status = Status.PASS;
        for (Finding f : findings) {
            if (f.getStatus().outranks(status)) {
                status = f.getStatus();
            }
        }
        Set<String> messages = new LinkedHashSet<>();
        Set<Span> spans = new LinkedHashSet<>();
        // The engine hands findings back in no particular order; a reader expects them in the order of the text.
        List<Finding> inTextOrder = new ArrayList<>(findings);
        inTextOrder.sort(Comparator.comparingInt(f -> f.getEvidence().stream().mapToInt(Span::getStart).min().orElse(Integer.MAX_VALUE)));
        for (Finding f : inTextOrder) {
            if (f.getStatus() == status) {
                if (f.getMessage() != null && !f.getMessage().isBlank()) {
                    messages.add(f.getMessage());
                }
                spans.addAll(f.getEvidence());
            }
        }
        String message = messages.isEmpty() ? "未发现问题。" : String.join("；", messages);
        String text = report.getText();
        List<ChecklistItem.Evidence> evidence = spans.stream()
                .filter(s -> s.getEnd() <= text.length())
                .sorted(Comparator.comparingInt(Span::getStart))
                .map(s -> new ChecklistItem.Evidence(s.getStart(), s.getEnd(), report.quote(s)))
                .toList();
        return new ChecklistItem(item.id(), item.title(), item.category(), item.severity(), item.weight(), status,
                message, item.advice(), evidence);
    }
}
