package tijian.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import tijian.db.DatabaseFaults;

/** Issue 9: the database being down is a JSON 503 with Retry-After; a bad statement is not mistaken for it. */
class DatabaseUnavailableMappingTest {
    @Test
    void anUnavailableDatabaseIsA503WithRetryAfter() {
        RuntimeException down = new RuntimeException("could not commit",
                new IllegalStateException(new SQLException("Connection to localhost:5432 refused.", "08001")));
        Response r = new ErrorMappers().unexpected(down);
        assertEquals(503, r.getStatus());
        assertEquals("10", String.valueOf(r.getHeaders().getFirst("Retry-After")));
        assertEquals("database-unavailable", ((ApiError) r.getEntity()).code());
    }

    @Test
    void whatIsAndIsNotTransient() {
        assertEquals(true, DatabaseFaults.isUnavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertEquals(true, DatabaseFaults.isUnavailable(new SQLException("Acquisition timeout while waiting for new connection")));
        assertEquals(true, DatabaseFaults.isUnavailable(new java.sql.SQLTransientConnectionException("gone")));
        assertEquals(false, DatabaseFaults.isUnavailable(new SQLException("value too long for type character varying(500)", "22001")));
        assertEquals(false, DatabaseFaults.isUnavailable(new SQLException("duplicate key", "23505")));
        assertEquals(false, DatabaseFaults.isUnavailable(new IllegalStateException("no")));
    }
}
