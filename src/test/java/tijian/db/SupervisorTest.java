package tijian.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import tijian.testsupport.Await;

/** Issue 9: a killed embedded PostgreSQL (a throw-away one) is started again by its supervisor, data intact. */
class SupervisorTest {
    static Connection connect(EmbeddedDatabase.Connection c) throws SQLException {
        return DriverManager.getConnection(c.jdbcUrl(), c.username(), c.password());
    }

    @Test
    void aKilledDatabaseIsRestartedWithItsData() throws Exception {
        Path dir = Files.createTempDirectory("tijian-supervisor-test");
        try (EmbeddedDatabase.Supervised db = new EmbeddedDatabase.Supervised(dir, true, Duration.ofMillis(500))) {
            EmbeddedDatabase.Connection address = db.connection();
            try (Connection c = connect(address); Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('committed before the crash')");
            }
            long pid = db.postmasterPid().orElseThrow();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            // not asserting it is down now: on a busy machine the watchdog may have restarted it already

            long until = System.currentTimeMillis() + 60_000;
            String value = null;
            SQLException last = null;
            while (value == null && System.currentTimeMillis() < until) {
                try (Connection c = connect(address); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select v from kept")) {
                    rs.next();
                    value = rs.getString(1);
                } catch (SQLException down) {
                    last = down;
                    Thread.sleep(250);
                }
            }
            assertEquals("committed before the crash", value, "back on the same address with its data; last error: " + last);
            // the server can answer a moment before the supervisor's start call returns and counts the restart
            Await.until("the supervisor to count its restart", () -> db.restarts() >= 1);
            assertTrue(db.alive());
            Await.until("the supervisor to see the server up again", () -> db.downSince().isEmpty());
        }
        assertFalse(Files.exists(dir), "a clean (test) database is deleted when closed");
    }
}
