package tijian.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kie.api.runtime.KieSession;

import tijian.compare.Counterpart;
import tijian.report.Deadline;
import tijian.report.PartSection;
import tijian.report.Report;
import tijian.report.Span;

/** Runs one report through one rule set and folds the findings into a scored checklist. */
public final class Checker {
    /** A rule set that keeps firing this often is looping on its own insertions; stop it rather than hang. */
    private static final int MAX_FIRINGS = 100_000;
    /** Examples and checks alike; set once at start from checker.rules.check-timeout. */
    private static volatile Duration timeLimit = Duration.ofSeconds(10);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rule-check-watchdog");
        t.setDaemon(true);
        return t;
    });

    private Checker() {}

    /** Real reports run to some tens of thousands of characters; ten times the longest seen is no report's length. */
    static final int LONGEST_REPORT_CHARS = 300_000;

    /** How long one check may run before its session is halted and the check fails with {@link CheckStopped}. */
    public static void limitTime(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("checker.rules.check-timeout must be positive: " + limit);
        }
        timeLimit = limit;
    }

    public static Duration timeLimit() { return timeLimit; }

    public static Checklist check(Report report, RuleSet rules) {
        return check(report, rules, List.of());
    }

    /**
     * Checks a report with facts from outside it besides its own: what comparing it with the unit's previous report
     * and with other units' reports found ({@code tijian.compare.Comparisons}).
     */
    public static Checklist check(Report report, RuleSet rules, List<?> comparisons) {
        List<Finding> findings = findings(report, rules, comparisons);
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
        return new Checklist(rules.revision(), score, rules.scoring().grade(score, items), counts, List.copyOf(items),
                rules.scoring().cap(score, items));
    }

    private static List<Finding> findings(Report report, RuleSet rules, List<?> comparisons) {
        // The rules get their own limit, or what is left of the whole check's deadline when that is sooner.
        Duration limit = Deadline.current().map(Deadline::remaining).filter(left -> left.compareTo(timeLimit) < 0)
                .orElse(timeLimit);
        Deadline deadline = Deadline.in(limit);
        Deadline whole = Deadline.current().orElse(null);
        try {
            return deadline.run(() -> findings(report, rules, comparisons, deadline));
        } catch (CheckStopped e) {
            // stopped because the whole check ran out of time (a long text took most of it), not because the rules
            // outlasted their own limit: that is the check's timeout, which the caller answers as such
            if (whole != null && whole.expired()) {
                throw new Deadline.Exceeded(whole.limit());
            }
            // A rule set only goes live after its examples ran within the limit, so rules that run out of time on a
            // text many times longer than any real report were stopped by the text's length: the sender can act on
            // that (a timeout, 422), while the same stop on a report-sized text is the rules' failure (503).
            if (whole != null && report.getText().length() > LONGEST_REPORT_CHARS) {
                throw new Deadline.Exceeded(whole.limit());
            }
            throw e;
        }
    }

    private static List<Finding> findings(Report report, RuleSet rules, List<?> comparisons, Deadline deadline) {
        // Drools looks its runtime services up through the context class loader; a pool thread (examples run in
        // parallel) may carry another one, and a failed lookup breaks Drools for the rest of the JVM.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Checker.class.getClassLoader());
        KieSession session = null;
        ScheduledFuture<?> watchdog = null;
        Duration limit = deadline.limit();
        AtomicBoolean halted = new AtomicBoolean();
        try {
            session = rules.kieBase().newKieSession();
            KieSession running = session;
            watchdog = WATCHDOG.schedule(() -> {
                halted.set(true);
                running.halt();
            }, limit.toNanos(), TimeUnit.NANOSECONDS);
            session.insert(report);
            report.getSections().forEach(session::insert);
            PartSection.of(report.getSections()).forEach(session::insert);
            report.getMetrics().forEach(session::insert);
            report.getTargets().forEach(session::insert);
            report.getBreakdowns().forEach(session::insert);
            report.getCitations().forEach(session::insert);
            report.getDocumentNumbers().forEach(session::insert);
            report.getUnpairedMarks().forEach(session::insert);
            report.getYearMentions().forEach(session::insert);
            report.getConcreteness().forEach(session::insert);
            rules.data().facts().forEach(session::insert);
            comparisons.forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (halted.get() || deadline.expired()) {
                throw timedOut(limit, null);
            }
            if (fired >= MAX_FIRINGS) {
                throw new CheckStopped("the rules fired " + fired + " times and were stopped: a rule keeps re-triggering itself",
                        "规则触发" + fired + "次后被停止：有规则在反复触发自身。", null);
            }
            List<Finding> findings = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Finding)) {
                findings.add((Finding) o);
            }
            return findings;
        } catch (CheckStopped e) {
            throw e;
        } catch (RuntimeException e) {
            if (halted.get() || deadline.expired() || causedBy(e, Deadline.Exceeded.class)) {
                throw timedOut(limit, e);
            }
            throw e;
        } catch (StackOverflowError e) {
            throw new CheckStopped("the rules were stopped: a function calls itself without end",
                    "规则被停止：有函数无休止地调用自身。", e);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (session != null) {
                session.dispose();
            }
            thread.setContextClassLoader(previous);
        }
    }

    private static CheckStopped timedOut(Duration limit, Throwable cause) {
        return new CheckStopped("the rules did not finish within " + limit.toMillis() + " ms and were stopped",
                "规则未能在" + limit.toMillis() + "毫秒内完成体检，已被停止。", cause);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ChecklistItem.Elsewhere elsewhere(Counterpart c) {
        return c == null ? null : new ChecklistItem.Elsewhere(c.checkId(), c.label(), c.quote());
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
        Map<Span, Counterpart> beside = new LinkedHashMap<>();
        List<Counterpart> alone = new ArrayList<>();
        // The engine hands findings back in no particular order; a reader expects them in the order of the text.
        List<Finding> inTextOrder = new ArrayList<>(findings);
        // Ties (findings without evidence) would come in the engine's order, which varies between runs of the same
        // revision; the message text makes the joined message reproducible.
        inTextOrder.sort(Comparator.<Finding>comparingInt(f -> f.getEvidence().stream().mapToInt(Span::getStart).min().orElse(Integer.MAX_VALUE))
                .thenComparing(f -> f.getMessage() == null ? "" : f.getMessage()));
        for (Finding f : inTextOrder) {
            if (f.getStatus() == status) {
                if (f.getMessage() != null && !f.getMessage().isBlank()) {
                    messages.add(f.getMessage());
                }
                spans.addAll(f.getEvidence());
                for (Counterpart c : f.getCounterparts()) {
                    if (c.inThisReport()) {
                        beside.putIfAbsent(Span.of(c), c);
                    } else if (!alone.contains(c)) {
                        alone.add(c);
                    }
                }
            }
        }
        String message = messages.isEmpty() ? "未发现问题。" : String.join("；", messages);
        String text = report.getText();
        List<ChecklistItem.Evidence> evidence = new ArrayList<>(spans.stream()
                .filter(s -> s.getEnd() <= text.length())
                .sorted(Comparator.comparingInt(Span::getStart))
                .map(s -> new ChecklistItem.Evidence(s.getStart(), s.getEnd(), report.quote(s), elsewhere(beside.get(s))))
                .toList());
        alone.forEach(c -> evidence.add(new ChecklistItem.Evidence(-1, -1, "", elsewhere(c))));
        return new ChecklistItem(item.id(), item.title(), item.category(), item.severity(), item.weight(), status,
                message, item.advice(), item.basis(), evidence);
    }
}
