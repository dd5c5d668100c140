package tijian.audit;

import static io.restassured.RestAssured.given;

import java.time.Duration;

import io.restassured.path.json.JsonPath;

import tijian.testsupport.Await;

/** Waiting for audits in tests. */
public final class AuditTestSupport {
    private AuditTestSupport() {}

    /** Polls the audit until it is finished; fails, showing the audit, when it does not finish within the timeout. */
    public static JsonPath awaitFinished(String id, long timeoutMillis) {
        String audit = Await.until("audit " + id + " to finish", Duration.ofMillis(Math.max(timeoutMillis, Await.PATIENCE.toMillis())),
                () -> given().when().get("/api/audits/" + id).then().statusCode(200).extract().asString(),
                json -> "finished".equals(JsonPath.from(json).getString("status")));
        return JsonPath.from(audit);
    }
}
