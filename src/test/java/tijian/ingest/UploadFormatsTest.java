package tijian.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.security.TestSecurity;
import tijian.security.Roles;

import tijian.testsupport.SampleReports;

/**
 * Through the API: the same report gives the same checklist whatever container it comes in, and every bad upload
 * gets its 4xx with a code and a message in both languages.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
class UploadFormatsTest {
    @ParameterizedTest
    @ValueSource(strings = {"shapingba-street-2025.txt", "guanba-town-2025.txt", "haitangxi-street-2023.txt"})
    void everyContainerGivesTheSameChecklist(String name) {
        String text = SampleReports.text(name);
        Map<String, String> expected = statuses(upload(name, text.getBytes(StandardCharsets.UTF_8), "text/plain"));

        assertEquals(expected, statuses(upload("gbk.txt", text.getBytes(Charset.forName("GB18030")), "text/plain")), "GB18030 text");
        assertEquals(expected, statuses(upload("page.html", page(text).getBytes(Charset.forName("GBK")), "text/html")), "saved web page");
        assertEquals(expected, statuses(upload("report.docx", Fixtures.docx(text).bytes(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")), ".docx with Word numbering");
        assertEquals(expected, statuses(upload("report.doc", SampleReports.document(name, "doc"), "application/msword")), ".doc");
        assertEquals(expected, statuses(upload("report.pdf", SampleReports.document(name, "pdf"), "application/pdf")), ".pdf");
    }

    @Test
    void aRawBodyIsReadByItsContent() {
        byte[] docx = Fixtures.docx(SampleReports.text(SampleReports.SHAPINGBA)).bytes();
        given().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").body(docx)
                .post("/api/checks").then().statusCode(200).body("source.format", equalTo("docx"))
                .body("report.unit", equalTo("沙坪坝街道"));
    }

    @Test
    void badInputGetsItsStatusAndCode() {
        refused(new byte[0], "empty.txt", 400, "empty");
        refused("   \n  ".getBytes(StandardCharsets.UTF_8), "blank.txt", 400, "empty");
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        refused(random, "random.bin", 415, "unsupported-type");
        byte[] docx = Fixtures.docx(SampleReports.text(SampleReports.SHAPINGBA)).bytes();
        refused(Arrays.copyOf(docx, docx.length / 2), "truncated.docx", 422, "corrupt-document");
        refused(Fixtures.imagePdf(true), "scan.pdf", 422, "scanned-pdf");
        byte[] huge = new byte[21 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        refused(huge, "huge.txt", 413, "too-large");
    }

    @Test
    void aTextWithoutReportStructureStillGetsAChecklistThatSaysSo() {
        given().multiPart("file", "note.txt", "今天天气很好，我们去公园散步。".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/checks").then().statusCode(200)
                .body("notices.size()", equalTo(1))
                .body("items.find { it.id == 'structure.measures-results' }.status", equalTo("FAIL"));
    }

    private static void refused(byte[] content, String name, int status, String code) {
        given().multiPart("file", name, content, "application/octet-stream").post("/api/checks")
                .then().statusCode(status).body("code", equalTo(code))
                .body("message", notNullValue()).body("messageEn", notNullValue());
    }

    private static JsonPath upload(String name, byte[] content, String type) {
        return given().multiPart("file", name, content, type).post("/api/checks")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> statuses(JsonPath check) {
        Map<String, String> statuses = new TreeMap<>();
        List<Map<String, Object>> items = check.getList("items");
        items.forEach(i -> statuses.put((String) i.get("id"), (String) i.get("status")));
        return statuses;
    }

    /** The report as a government site serves it: GBK, navigation, metadata block, script, footer. */
    private static String page(String text) {
        StringBuilder body = new StringBuilder();
        for (String line : Fixtures.lines(text)) {
            body.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        return """
                <!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
                <title>政府信息公开</title><script>var nav = "首页";</script></head><body>
                <div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hd">互动交流</a></div>
                <div class="breadcrumb">您当前的位置：首页 &gt; 政府信息公开 &gt; 法治政府建设年度报告</div>
                <div class="main"><div class="TRS_Editor">
                """ + body + """
                </div></div>
                <div class="footer">主办单位：重庆市某区人民政府办公室 ICP备案：渝ICP备19004061号-1</div>
                </body></html>
                """;
    }
}
