package tijian.corpus;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import tijian.db.EmbeddedDatabaseResource;
import tijian.report.Fixtures;
import tijian.compare.PreviousReport;
import tijian.report.Report;
import tijian.report.ReportParser;
import tijian.security.Caller;
import tijian.security.Roles;
import tijian.testsupport.SampleReports;

/** The unit key of stored checks, set when stored and filled in for rows stored before it existed. */
@QuarkusTest
@TestSecurity(user = "previous-reports", roles = {Roles.INSPECTOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class PreviousReportsTest {
    static final Caller INSPECTOR = new Caller("an-inspector", Set.of(Roles.INSPECTOR), null);
    @Inject
    PreviousReports previous;
    @Inject
    EntityManager em;

    String unitKey(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select unit_key from report_check where id = ?1").setParameter(1, id).getSingleResult());
    }

    @Test
    void aStoredCheckKeepsItsUnitKeyAndOlderRowsGetTheirs() {
        // 海棠溪街道 2023: no other test stores its 2022 or 2024 report
        UUID id = UUID.fromString(given().contentType("text/plain; charset=UTF-8").body(SampleReports.text(SampleReports.HAITANGXI))
                .post("/api/checks").then().statusCode(200).extract().path("id"));
        assertEquals("海棠溪街道", unitKey(id));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_check set unit_key = null where id = ?1")
                .setParameter(1, id).executeUpdate());
        assertNull(unitKey(id));
        while (QuarkusTransaction.requiringNew().call(previous::backfillBatch) == PreviousReports.BACKFILL_BATCH) {
            // every unit name left without a key, a batch at a time
        }
        assertEquals("海棠溪街道", unitKey(id), "a row stored before unit_key existed gets its key");

        Report next = Fixtures.parse(SampleReports.text(SampleReports.HAITANGXI).replace("2023", "2024"));
        assertEquals(2024, next.getYear());
        ReportParser parser = new ReportParser(List.of());
        PreviousReport found = previous.of(next, parser, INSPECTOR);
        assertNotNull(found, "the 2023 report is the 2024 report's previous one");
        assertEquals(id.toString(), found.checkId(), "the latest check of that unit and year");
        assertEquals(2023, found.report().getYear());
        assertNull(previous.of(Fixtures.parse(SampleReports.text(SampleReports.HAITANGXI)), parser, INSPECTOR),
                "a report is not its own previous report, nor is any of the same year");

        // naming a unit in a text opens no stored report the reader may not read
        assertNotNull(previous.of(next, parser, new Caller("previous-reports", Set.of(), null)), "the check's owner reads it");
        assertNull(previous.of(next, parser, Caller.ANONYMOUS), "an anonymous self-check meets no stored report");
        PreviousReport clerks = previous.of(next, parser, new Caller("clerk", Set.of(Roles.UNIT), "海棠溪街道"));
        assertTrue(clerks == null || !clerks.checkId().equals(id.toString()),
                "a unit's clerk does not read an inspector's check of the unit (other tests may store the clerk's own)");
        assertNull(previous.of(next, parser, new Caller("other-clerk", Set.of(Roles.UNIT), "关坝镇")),
                "nor another unit's clerk");
    }
}
