package tijian.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import tijian.db.EmbeddedDatabaseResource;
import tijian.refusal.Refusal;

/** Issue 9: one uncompressed budget per audit across all its parts, checked while inflating; content stored once. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
@TestProfile(AmplificationTest.SmallBudget.class)
class AmplificationTest {
    /** A budget small enough for test zips to cross it, where each alone stays within it. */
    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("checker.audit.max-unzipped-bytes", "1000000");
        }
    }

    @Inject
    AuditIntake intake;

    @Inject
    AuditQueries audits;

    @Inject
    DataSource dataSource;

    static byte[] zip(String prefix, int entries, int bytesEach, long seed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(seed);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry(prefix + i + ".txt"));
                byte[] b = new byte[bytesEach];
                for (int k = 0; k < b.length; k++) b[k] = (byte) ('a' + random.nextInt(3)); // compresses, but not to nothing
                zip.write(b);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theBudgetCoversAllPartsOfAnAudit() throws Exception {
        long audits0 = count("select count(*) from audit");
        long contents0 = count("select count(*) from file_content");
        // each zip alone is within the budget, together they are not
        byte[] a = zip("a", 3, 200_000, 1);
        byte[] b = zip("b", 3, 200_000, 2);
        Refusal e = assertThrows(Refusal.class, () -> intake.submit("too much",
                List.of(new AuditIntake.Upload("a.zip", a), new AuditIntake.Upload("b.zip", b))));
        assertEquals(Refusal.Kind.TOO_LARGE, e.kind());
        assertEquals(audits0, count("select count(*) from audit"), "a refused audit leaves nothing behind");
        assertEquals(contents0, count("select count(*) from file_content"));
        // plain files count too
        Refusal plain = assertThrows(Refusal.class, () -> intake.submit("too much",
                List.of(new AuditIntake.Upload("a.zip", a), new AuditIntake.Upload("big.txt", new byte[500_000]))));
        assertEquals(Refusal.Kind.TOO_LARGE, plain.kind());
    }

    @Test
    void theSameContentIsStoredOnce() throws Exception {
        byte[] z = zip("same", 2, 50_000, 42);
        long contents0 = count("select count(*) from file_content");
        var first = intake.submit("once", List.of(new AuditIntake.Upload("x.zip", z), new AuditIntake.Upload("y.zip", z)));
        assertEquals(4, first.total());
        assertEquals(2, first.duplicates());
        var again = intake.submit("again", List.of(new AuditIntake.Upload("z.zip", z)));
        assertEquals(contents0 + 2, count("select count(*) from file_content"), "two contents, however often uploaded");
        // leave no queued work behind for tests that claim the whole queue
        for (var id : List.of(first.id(), again.id())) {
            long until = System.currentTimeMillis() + 60_000;
            while (audits.get(id).orElseThrow().pending() > 0 && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
        }
    }
}
