package tijian.corpus;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import tijian.compare.PreviousReport;
import tijian.report.Report;
import tijian.report.ReportParser;
import tijian.report.UnitNames;
import tijian.security.Caller;

/**
 * The same unit's report of the year before, from the stored checks (single checks and audits alike): the latest
 * check of that unit and year, its stored text parsed again with the parser of the check about to run, so that last
 * year's targets and parts are read the way this year's are. Units are matched by {@link UnitNames#normalise}
 * through {@code report_check.unit_key}.
 */
@ApplicationScoped
public class PreviousReports {
    private static final Logger LOG = Logger.getLogger(PreviousReports.class);

    /** Units filled in per transaction when rows stored before unit_key existed are given theirs. */
    static final int BACKFILL_BATCH = 200;

    @Inject
    EntityManager em;

    /**
     * The unit's report of the year before {@code report}'s among the checks {@code reader} may read, or null when
     * there is none, or the report names no unit or year. Naming a unit in a pasted text must not open that unit's
     * stored drafts: a reader who does not read every unit's checks gets only its own or its unit's single checks
     * (not audits, which are the inspectors'), and an anonymous reader none.
     */
    public PreviousReport of(Report report, ReportParser parser, Caller reader) {
        String key = UnitNames.normalise(report.getUnit());
        if (key == null || report.getYear() == null || (reader.isAnonymous() && !reader.readsEverything())) {
            return null;
        }
        boolean all = reader.readsEverything();
        Object[] row = QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("""
                    select id, report_text from report_check
                     where unit_key = ?1 and year = ?2
                       and (?3 or (audit_file_id is null and (owner = ?4 or owner_unit_key = ?5)))
                     order by checked_at desc limit 1""")
                    .setParameter(1, key).setParameter(2, report.getYear() - 1)
                    .setParameter(3, all).setParameter(4, reader.name() == null ? "" : reader.name())
                    .setParameter(5, reader.unitKey() == null ? "" : reader.unitKey())
                    .getResultList();
            return rows.isEmpty() ? null : (Object[]) rows.get(0);
        });
        if (row == null) {
            return null;
        }
        return new PreviousReport(((UUID) row[0]).toString(), parser.parse((String) row[1]));
    }

    /**
     * Gives the checks stored before {@code unit_key} existed their key. The key is Java's ({@link UnitNames}), so SQL
     * cannot fill it in; a unit's rows are updated together, a batch of units per transaction.
     */
    void backfill(@Observes StartupEvent event) {
        int filled = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(this::backfillBatch);
            filled += done;
            if (done < BACKFILL_BATCH) {
                break;
            }
        }
        if (filled > 0) {
            LOG.infof("stored checks of %d unit names given their unit key", filled);
        }
    }

    /** Answers how many unit names it looked at, so that the caller knows when none are left. */
    int backfillBatch() {
        @SuppressWarnings("unchecked")
        List<String> units = em.createNativeQuery("""
                select distinct unit from report_check
                 where unit_key is null and unit is not null and unit <> '' limit ?1""")
                .setParameter(1, BACKFILL_BATCH)
                .getResultList();
        for (String unit : units) {
            // a name no key can be read from gets the empty key, so that it is not looked at again
            String key = UnitNames.normalise(unit);
            em.createNativeQuery("update report_check set unit_key = ?1 where unit = ?2 and unit_key is null")
                    .setParameter(1, key == null ? "" : key).setParameter(2, unit)
                    .executeUpdate();
        }
        return units.size();
    }
}
