package tijian.rules;

import tijian.compare.Counterpart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

import tijian.report.Located;
import tijian.report.Span;

/**
 * What a rule concludes about one checklist item. Rules insert findings; after the rules have run, the findings of
 * each item are folded into its status (the most serious wins; no finding at all means PASS).
 * <p>
 * In a rule's consequence: {@code insert(Finding.fail(kcontext, "未见……", $section));} — the item is the one the
 * rule names in its {@code @item} metadata. Evidence may be any located fact (Section, Metric, Citation, Span…), a
 * collection of them, or nothing.
 */
public final class Finding {
    private final String item;
    private final Status status;
    private final String message;
    private final List<Span> evidence;
    private final List<Counterpart> counterparts;

    public Finding(String item, Status status, String message, List<Span> evidence) {
        this(item, status, message, evidence, List.of());
    }

    private Finding(String item, Status status, String message, List<Span> evidence, List<Counterpart> counterparts) {
        this.item = item;
        this.status = status;
        this.message = message;
        this.evidence = List.copyOf(evidence);
        this.counterparts = List.copyOf(counterparts);
    }

    public static Finding pass(RuleContext rule, String message, Object... evidence) {
        return of(itemOf(rule), Status.PASS, message, evidence);
    }

    public static Finding warn(RuleContext rule, String message, Object... evidence) {
        return of(itemOf(rule), Status.WARN, message, evidence);
    }

    public static Finding fail(RuleContext rule, String message, Object... evidence) {
        return of(itemOf(rule), Status.FAIL, message, evidence);
    }

    public static Finding notApplicable(RuleContext rule, String message, Object... evidence) {
        return of(itemOf(rule), Status.NOT_APPLICABLE, message, evidence);
    }

    /** For rules that judge items declared in data (coverage topics): the item is named explicitly. */
    public static Finding of(String item, Status status, String message, Object... evidence) {
        List<Span> spans = new ArrayList<>();
        List<Counterpart> counterparts = new ArrayList<>();
        for (Object e : evidence) {
            collect(e, spans, counterparts);
        }
        return new Finding(item, status, message, spans, counterparts);
    }

    private static void collect(Object evidence, List<Span> into, List<Counterpart> counterparts) {
        if (evidence instanceof Counterpart c) {
            counterparts.add(c);
            if (c.inThisReport()) {
                into.add(Span.of(c));
            }
        } else if (evidence instanceof Located located) {
            into.add(Span.of(located));
        } else if (evidence instanceof Collection<?> many) {
            many.forEach(e -> collect(e, into, counterparts));
        } else if (evidence instanceof Object[] many) {
            for (Object e : many) {
                collect(e, into, counterparts);
            }
        } else if (evidence != null) {
            throw new IllegalArgumentException("evidence must be a located fact, not " + evidence.getClass().getSimpleName());
        }
    }

    private static String itemOf(RuleContext rule) {
        Object item = rule.getRule().getMetaData().get(ItemCatalog.ITEM);
        if (item == null) {
            throw new IllegalStateException("rule \"" + rule.getRule().getName() + "\" has no @item");
        }
        return item.toString();
    }

    public String getItem() { return item; }
    public Status getStatus() { return status; }
    public String getMessage() { return message; }
    public List<Span> getEvidence() { return evidence; }
    /** Other reports' passages set beside this finding's evidence (comparisons with last year or other units). */
    public List<Counterpart> getCounterparts() { return counterparts; }

    @Override public String toString() { return item + " " + status + " " + message + " " + evidence; }
}
