package tijian.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import tijian.rulebook.RuleBook;

/**
 * The audit trail in PostgreSQL. {@link #record} never fails what it records: a database that is down or a value
 * that does not fit is logged and dropped. A record made on a worker thread is inserted right away, in its own
 * transaction (so it stays even when the request's own work rolls back, and is readable as soon as the answer is
 * sent); one made on an I/O thread (a refusal answered before the request reached a worker) is handed to a worker.
 */
@ApplicationScoped
public class ActivityLog {
    private static final Logger LOG = Logger.getLogger(ActivityLog.class);

    /** What happened; {@code actor} is null for an anonymous caller, {@code status} null without a request. */
    public record Entry(Instant at, String actor, List<String> roles, String action, String target, String detail,
                        String remoteAddress, String revision, Integer status) {

        /** Something the service did by itself (the watched rules folder, a scheduled job), not a request. */
        public static Entry system(String actor, String action, String target, String detail, String revision) {
            return new Entry(Instant.now(), actor, List.of(), action, target, detail, null, revision, null);
        }
    }

    /** A page of the trail, newest first. */
    public record Page(int page, int size, long total, List<View> items) {}

    /** One entry as {@code GET /api/activity} shows it. */
    public record View(long id, Instant at, String actor, List<String> roles, String action, String target,
                       String detail, String remoteAddress, String revision, Integer status) {
        static View of(ActivityRecord r) {
            List<String> roles = r.roles == null || r.roles.isEmpty() ? List.of() : List.of(r.roles.split(","));
            return new View(r.id, r.at, r.actor, roles, r.action, r.target, r.detail, r.remoteAddress, r.revision, r.status);
        }
    }

    /** Filters of {@link #find}; null means any. {@code actor} "anonymous" finds the anonymous callers. */
    public record Query(String actor, String action, Instant since, Instant until) {}

    void onRulesActivated(@Observes RuleBook.Activated a) {
        record(Entry.system(a.source(), "rules.activate", a.rules().revision(),
                a.rules().items().size() + " items, compiled and tested in " + a.compileMillis() + " ms", a.rules().revision()));
    }

    /** Adds an entry to the trail. Never throws. */
    public void record(Entry entry) {
        if (entry == null) {
            return;
        }
        if (BlockingOperationControl.isBlockingAllowed()) {
            insert(entry);
        } else {
            try {
                Infrastructure.getDefaultWorkerPool().execute(() -> insert(entry));
            } catch (RuntimeException e) {
                LOG.warnf("activity not recorded (%s): %s", e.toString(), entry);
            }
        }
    }

    private void insert(Entry e) {
        try {
            ActivityRecord r = new ActivityRecord();
            r.at = e.at() == null ? Instant.now() : e.at();
            r.actor = cut(e.actor(), 200);
            r.roles = e.roles() == null || e.roles().isEmpty() ? null : cut(String.join(",", e.roles()), 500);
            r.action = cut(e.action() == null ? "unknown" : e.action(), 64);
            r.target = cut(e.target(), 1000);
            r.detail = cut(e.detail(), 4000);
            r.remoteAddress = cut(e.remoteAddress(), 100);
            r.revision = cut(e.revision(), 64);
            r.status = e.status();
            QuarkusTransaction.requiringNew().run(r::persist);
        } catch (RuntimeException ex) {
            // The trail must never take down what it records; the log keeps what was lost.
            LOG.warnf("activity not recorded (%s): %s", ex.toString(), e);
        }
    }

    /** Entries matching the filters, newest first; {@code page} counts from 0. */
    public Page find(Query q, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (q.actor() != null) {
            if (q.actor().equals("anonymous")) {
                where.append(" and actor is null");
            } else {
                where.append(" and actor = :actor");
                params = params.and("actor", q.actor());
            }
        }
        if (q.action() != null) {
            where.append(" and action = :action");
            params = params.and("action", q.action());
        }
        if (q.since() != null) {
            where.append(" and at >= :since");
            params = params.and("since", q.since());
        }
        if (q.until() != null) {
            where.append(" and at < :until");
            params = params.and("until", q.until());
        }
        String query = where.toString();
        Map<String, Object> values = params.map();
        return QuarkusTransaction.requiringNew().call(() -> {
            PanacheQuery<ActivityRecord> found = ActivityRecord.find(query, Sort.descending("at", "id"), values).page(page, size);
            return new Page(page, size, found.count(), found.list().stream().map(View::of).toList());
        });
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
