package tijian.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one way to SQL written out by hand: the queue and the read models, where the SQL is the design (skip-locked
 * claims, leases, aggregates). Entities go through Hibernate/Panache instead.
 */
@ApplicationScoped
public class Db {
    @Inject
    DataSource dataSource;

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs work in a database transaction. Inside a JTA transaction (one that also stores entities through
     * Hibernate) the work joins it: the connection is that transaction's, and it commits or rolls back with it.
     * Otherwise the work gets a transaction of its own, committed on return and rolled back on any exception; no
     * JTA timeout applies there, so a large audit upload is not cut off.
     */
    public <T> T tx(Work<T> work) {
        if (QuarkusTransaction.isActive()) {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                throw new DbException(e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DbException(e);
        }
    }

    /** Runs reads on a connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DbException(e);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    static java.time.Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    // JDBC reads SQL null as 0 from the primitive getters; these give null instead.
    static Long longOrNull(java.sql.ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer intOrNull(java.sql.ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Double doubleOrNull(java.sql.ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** A database failure, unchecked. */
    public static final class DbException extends RuntimeException {
        DbException(SQLException e) {
            super(e.getMessage(), e);
        }
    }
}
