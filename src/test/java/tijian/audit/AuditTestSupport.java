package tijian.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Waiting for audits in tests. */
public final class AuditTestSupport {
    private AuditTestSupport() {}

    /** Polls the audit until it is finished; fails after the timeout. */
    public static JsonPath awaitFinished(String id, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        JsonPath audit;
        do {
            audit = given().when().get("/api/audits/" + id).then().statusCode(200).extract().jsonPath();
            if ("finished".equals(audit.getString("status"))) {
                return audit;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.currentTimeMillis() < deadline);
        Map<String, Object> last = audit.getMap("$");
        fail("audit " + id + " did not finish in " + timeoutMillis + " ms: " + last);
        return audit;
    }
}
