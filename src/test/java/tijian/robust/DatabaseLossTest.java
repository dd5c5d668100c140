package tijian.robust;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

import tijian.db.EmbeddedDatabaseResource;
import tijian.security.Roles;

/**
 * Issue 9: with the embedded PostgreSQL killed, database-backed endpoints answer a JSON 503 with Retry-After, and
 * the service recovers by itself once the supervisor has started the database again.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class DatabaseLossTest {
    @Inject
    DataSource dataSource;

    @Test
    void aKilledDatabaseIsA503AndThenRecovers() throws Exception {
        Assumptions.assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null, "only the embedded database is restarted");
        given().get("/api/audits").then().statusCode(200);
        long backend;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            backend = rs.getLong(1);
        }
        ProcessHandle postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow();
        assertTrue(postmaster.info().command().orElse("").endsWith("postgres"), postmaster.info().toString());
        postmaster.destroyForcibly();
        postmaster.onExit().join();

        boolean sawUnavailable = false;
        long until = System.currentTimeMillis() + 60_000;
        int status = 0;
        while (System.currentTimeMillis() < until) {
            Response r = given().get("/api/audits");
            status = r.statusCode();
            if (status == 200) {
                break;
            }
            assertEquals(503, status, r.asString());
            assertEquals("database-unavailable", r.jsonPath().getString("code"));
            assertTrue(r.header("Retry-After") != null);
            sawUnavailable = true;
            Thread.sleep(200);
        }
        assertEquals(200, status, "recovered without a service restart");
        System.out.println("database loss: saw 503 = " + sawUnavailable);
        given().get("/q/health/live").then().statusCode(200);
    }
}
