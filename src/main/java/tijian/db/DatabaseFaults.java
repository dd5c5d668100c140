package tijian.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;

/**
 * Tells a database that is unavailable for now (down, restarting, out of connections, a deadlock victim) from a
 * statement that fails for what it is (a value too long, a broken constraint), which retrying cannot fix.
 */
public final class DatabaseFaults {
    private DatabaseFaults() {}

    /** Whether {@code t} or one of its causes says the database is unavailable for now: retry later. */
    public static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientException || c instanceof SQLRecoverableException || c instanceof ConnectException) {
                return true;
            }
            if (c instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") // connection exception
                        || state.startsWith("53")            // insufficient resources (too many connections, disk full)
                        || state.startsWith("57")            // admin shutdown, crash shutdown, cannot connect now
                        || state.equals("40001") || state.equals("40P01"))) { // serialization failure, deadlock
                    return true;
                }
                String m = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                // the connection pool's own refusals carry no SQL state
                if (state == null && (m.contains("acquisition timeout") || m.contains("unable to acquire")
                        || m.contains("connection") && (m.contains("refused") || m.contains("closed")))) {
                    return true;
                }
            }
            String name = c.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("jakarta.persistence.QueryTimeoutException")) {
                return true;
            }
        }
        return false;
    }
}
