package tijian.robust;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import tijian.audit.AuditTestSupport;
import tijian.db.EmbeddedDatabaseResource;
import tijian.security.Roles;

/** Every bad request of issue 9 answers a JSON 4xx with a stable code, never a 500 (or is accepted). */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class BadRequestsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static byte[] sample() {
        try (InputStream in = BadRequestsTest.class.getResourceAsStream("/reports/guanba-town-2025.txt")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends bytes exactly as given (RestAssured would rewrite a Content-Type it cannot parse). */
    static HttpResponse<String> raw(String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode apiError(HttpResponse<String> r, int status, String code) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode e = JSON.readTree(r.body());
        assertEquals(status, e.get("status").asInt());
        assertEquals(code, e.get("code").asText());
        assertFalse(e.get("message").asText().isBlank());
        assertFalse(e.get("messageEn").asText().isBlank());
        return e;
    }

    @Test
    void malformedMultipartIsA400() throws Exception {
        byte[] garbage = "--zz\r\nxx".getBytes(StandardCharsets.ISO_8859_1);
        apiError(raw("/api/checks", "multipart/form-data; boundary=qq", garbage), 400, "bad-multipart");
        apiError(raw("/api/audits", "multipart/form-data; boundary=qq", garbage), 400, "bad-multipart");
    }

    @Test
    void aTruncatedPartIsA400() throws Exception {
        byte[] cut = ("--qq\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n关于2025年法治政府建设")
                .getBytes(StandardCharsets.UTF_8);
        apiError(raw("/api/checks", "multipart/form-data; boundary=qq", cut), 400, "bad-multipart");
        apiError(raw("/api/audits", "multipart/form-data; boundary=qq", cut), 400, "bad-multipart");
    }

    @Test
    void anUnparseableContentTypeIsA400() throws Exception {
        apiError(raw("/api/checks", ";;;==", "hello".getBytes(StandardCharsets.UTF_8)), 400, "bad-content-type");
        apiError(raw("/api/audits", ";;;==", "hello".getBytes(StandardCharsets.UTF_8)), 400, "bad-content-type");
    }

    @Test
    void aCheckDeclaredLargerThanTheLimitIsRefusedBeforeItsBodyIsRead() throws Exception {
        // 25 MB declared: refused on the header, the connection closed
        HttpResponse<String> r = raw("/api/checks", "text/plain; charset=UTF-8", new byte[25 * 1024 * 1024]);
        apiError(r, 413, "too-large");
    }

    @Test
    void aChunkedCheckBodyIsCutOffAtTheLimit() throws Exception {
        // no Content-Length: the limit is applied while reading
        byte[] big = new byte[25 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/checks"))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        HttpResponse<String> r;
        try {
            r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException reset) {
            return; // the server may close the connection while the client is still sending: refused either way
        }
        apiError(r, 413, "too-large");
    }

    @Test
    void anAuditTakesMoreThanAThousandParts() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] report = sample();
        for (int i = 0; i < 1001; i++) {
            // the same report 1,001 times: one check, 1,000 duplicates
            body.write(("--qq\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r" + i + ".txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(report);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write("--qq--\r\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = raw("/api/audits", "multipart/form-data; boundary=qq", body.toByteArray());
        assertEquals(202, r.statusCode(), r.body());
        JsonNode submitted = JSON.readTree(r.body());
        assertEquals(1001, submitted.get("total").asInt(), r.body());
        assertEquals(1000, submitted.get("duplicates").asInt(), r.body());
        AuditTestSupport.awaitFinished(submitted.get("id").asText(), 60_000);
    }

    @Test
    void aLongFileNameIsCutNotRefused() {
        String name = "关".repeat(300) + "a".repeat(300) + ".txt";
        String stored = given().contentType("text/plain; charset=UTF-8").queryParam("fileName", name).body(sample())
                .when().post("/api/checks")
                .then().statusCode(200).extract().path("source.fileName");
        assertEquals(500, stored.length());
        assertTrue(stored.startsWith("关关关") && stored.endsWith("….txt"), stored);

        String viaForm = given().multiPart("file", name, sample(), "text/plain")
                .when().post("/api/checks")
                .then().statusCode(200).extract().path("source.fileName");
        assertEquals(500, viaForm.length());
    }

    @Test
    void aLongFileNameInAnAuditIsCheckedOnce() {
        String name = "b".repeat(600) + ".txt";
        String id = given().multiPart("file", name, sample(), "text/plain")
                .when().post("/api/audits")
                .then().statusCode(202).extract().path("id");
        JsonPath audit = AuditTestSupport.awaitFinished(id, 60_000);
        assertEquals(1, audit.getInt("done"), audit.prettify());
        assertEquals(0, audit.getInt("failed"), audit.prettify());
        assertNotNull(audit.getString("id"));
    }

    @Test
    void aBadByteInUtf8IsANoticeNotA415() throws Exception {
        byte[] good = sample();
        byte[] bad = java.util.Arrays.copyOf(good, good.length + 1);
        bad[bad.length - 1] = (byte) 0xE6; // a last character cut off
        java.util.List<String> notices = given().contentType("text/plain; charset=UTF-8").body(bad)
                .when().post("/api/checks")
                .then().statusCode(200).extract().jsonPath().getList("notices", String.class);
        assertTrue(notices.stream().anyMatch(n -> n.contains("1 处") && n.contains("U+FFFD")), notices.toString());
    }

    @Test
    void csvExportNeutralisesFormulas() {
        String id = given().multiPart("file", "=HYPERLINK(\"http://evil.example\",\"x\").txt", sample(), "text/plain")
                .multiPart("file", "@SUM(A1).txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/api/audits")
                .then().statusCode(202).extract().path("id");
        AuditTestSupport.awaitFinished(id, 60_000);
        String csv = given().get("/api/audits/" + id + "/export.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("'=HYPERLINK("), csv);
        assertTrue(csv.contains("'@SUM(A1).txt"), csv);
        assertFalse(csv.contains(",=HYPERLINK") || csv.contains(",\"=HYPERLINK"), csv);
    }

    @Test
    void aBodyWithoutContentTypeIsSniffed() throws Exception {
        HttpResponse<String> r = raw("/api/checks", null, new String(sample(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("txt", JSON.readTree(r.body()).get("source").get("format").asText(), r.body());
    }

    @Test
    void aTextOverTheCharacterLimitIsA413() throws Exception {
        byte[] body = ("关于2025年法治政府建设情况的报告\n" + "法".repeat(2_000_001)).getBytes(StandardCharsets.UTF_8);
        apiError(raw("/api/checks", "text/plain; charset=UTF-8", body), 413, "text-too-long");
    }

    @Test
    void twoMillionCharactersAnswerWithinTheDeadlineOrAClear4xx() throws Exception {
        String one = new String(sample(), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        while (sb.length() + one.length() + 1 < 1_990_000) sb.append(one).append('\n');
        HttpResponse<String> r = raw("/api/checks", "text/plain; charset=UTF-8", sb.toString().getBytes(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            apiError(r, 422, "timeout");
        }
    }
}
