package tijian.annotate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import tijian.db.EmbeddedDatabaseResource;
import tijian.ingest.Fixtures;
import tijian.security.Roles;
import tijian.testsupport.SampleReports;

/**
 * The unit's Word file back with the findings as comments: one comment per passage of a failed or questionable item,
 * covering exactly that passage, and the summary on top; the document's own text unchanged.
 */
@QuarkusTest
@TestSecurity(user = "clerk", roles = {Roles.INSPECTOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class AnnotatedDocxTest {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    @Test
    void theUploadedDocxComesBackWithACommentAtEachPassage() throws IOException {
        Fixtures.Docx upload = Fixtures.docx(SampleReports.text(SampleReports.GUANBA));
        assertTrue(upload.numbered() > 3, "headings carry Word numbering, which is not in the runs");
        JsonPath check = given().multiPart("file", "关坝镇2025.docx", upload.bytes(),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .post("/api/checks").then().statusCode(200).extract().jsonPath();
        byte[] annotated = given().get("/api/checks/" + check.getString("id") + "/annotated.docx").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("%E4%BD%93%E6%A3%80%E6%89%B9%E6%B3%A8.docx"))
                .extract().asByteArray();
        try (XWPFDocument original = new XWPFDocument(new ByteArrayInputStream(upload.bytes()));
             XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(annotated))) {
            assertEquals(bodyText(original), bodyText(doc), "the document's own text is unchanged");
            assertEquals(original.getParagraphs().get(3).getNumID(), doc.getParagraphs().get(3).getNumID(), "its numbering kept");
            assertCommentsAtPassages(check, doc);
        }
    }

    @Test
    void anAuditedDocxComesBackAsUploadedWithItsComments() throws IOException {
        String text = SampleReports.text(SampleReports.SHAPINGBA) + "\n（审核用副本 " + System.nanoTime() + "）";
        Fixtures.Docx upload = Fixtures.docx(text);
        String audit = given().multiPart("file", "沙坪坝.docx", upload.bytes(),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .post("/api/audits").then().statusCode(202).extract().path("id");
        tijian.audit.AuditTestSupport.awaitFinished(audit, 120_000);
        String checkId = given().get("/api/audits/" + audit + "/results").then().statusCode(200).extract().jsonPath()
                .getString("rows[0].checkId");
        JsonPath check = given().get("/api/checks/" + checkId).then().statusCode(200).extract().jsonPath();
        byte[] annotated = given().get("/api/checks/" + checkId + "/annotated.docx").then().statusCode(200).extract().asByteArray();
        try (XWPFDocument original = new XWPFDocument(new ByteArrayInputStream(upload.bytes()));
             XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(annotated))) {
            assertEquals(bodyText(original), bodyText(doc), "the audited file itself, not a copy of its text");
            assertCommentsAtPassages(check, doc);
        }
    }

    @Test
    void aTextCheckBecomesANewDocumentWithTheSameComments() throws IOException {
        JsonPath check = given().contentType("text/plain; charset=UTF-8").body(SampleReports.text(SampleReports.HAITANGXI))
                .post("/api/checks").then().statusCode(200).extract().jsonPath();
        byte[] annotated = given().get("/api/checks/" + check.getString("id") + "/annotated.docx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(annotated))) {
            assertEquals(fold(check.getString("report.text")), fold(bodyText(doc)), "the checked text, paragraph by paragraph");
            assertCommentsAtPassages(check, doc);
        }
    }

    @Test
    void aCheckNoOneMayReadHasNoWordFile() {
        given().get("/api/checks/00000000-0000-0000-0000-000000000000/annotated.docx").then().statusCode(404);
        given().get("/api/checks/not-an-id/annotated.docx").then().statusCode(404);
    }

    private static void assertCommentsAtPassages(JsonPath check, XWPFDocument doc) {
        List<String> quotes = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Map<String, Object> item : check.<Map<String, Object>>getList("items")) {
            if (!List.of("FAIL", "WARN").contains(item.get("status"))) {
                continue;
            }
            for (Object e : (List<?>) item.get("evidence")) {
                quotes.add((String) ((Map<?, ?>) e).get("quote"));
                titles.add((String) item.get("title"));
            }
        }
        assertTrue(quotes.size() >= 2, "the sample has passages to comment on: " + quotes.size());
        List<XWPFComment> comments = doc.getDocComments().getComments();
        assertEquals(quotes.size() + 1, comments.size(), "a summary and one comment per passage");
        assertTrue(comments.get(0).getText().contains("得分 " + check.getString("score")), comments.get(0).getText());
        Map<String, String> anchored = anchoredText(doc);
        assertEquals(comments.size(), anchored.size(), "every comment is anchored");
        for (int i = 0; i < quotes.size(); i++) {
            XWPFComment c = comments.get(i + 1);
            assertTrue(c.getText().contains(titles.get(i)), c.getText());
            String at = fold(anchored.get(c.getId()));
            String quote = fold(quotes.get(i));
            // Word numbering labels (一、) are in the checked text but not in the runs the comment covers
            assertTrue(at.equals(quote) || !at.isEmpty() && quote.contains(at.substring(0, Math.min(8, at.length())))
                            && quote.endsWith(at.substring(Math.max(0, at.length() - 8))),
                    "comment " + c.getId() + " covers «" + at + "», the passage is «" + quote + "»");
            if (!quote.contains("\n") && !quotes.get(i).matches("(?s)^\\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\\d{1,2}\\.).*")) {
                assertEquals(quote, at, "a one-line passage is covered exactly");
            }
        }
    }

    /** The text each comment covers: the runs' text between its range start and end, in document order. */
    static Map<String, String> anchoredText(XWPFDocument doc) {
        Map<String, StringBuilder> open = new LinkedHashMap<>();
        Map<String, String> done = new LinkedHashMap<>();
        try (XmlCursor c = doc.getDocument().getBody().newCursor()) {
            while (c.hasNextToken()) {
                if (c.toNextToken() != XmlCursor.TokenType.START) {
                    continue;
                }
                QName name = c.getName();
                if (!W.equals(name.getNamespaceURI())) {
                    continue;
                }
                switch (name.getLocalPart()) {
                    case "commentRangeStart" -> open.put(c.getAttributeText(new QName(W, "id")), new StringBuilder());
                    case "commentRangeEnd" -> {
                        String id = c.getAttributeText(new QName(W, "id"));
                        done.put(id, open.remove(id).toString());
                    }
                    case "t" -> open.values().forEach(sb -> sb.append(c.getTextValue()));
                    case "p" -> open.values().forEach(sb -> sb.append('\n'));
                    default -> { }
                }
            }
        }
        return done;
    }

    static String bodyText(XWPFDocument doc) {
        StringBuilder sb = new StringBuilder();
        doc.getParagraphs().forEach(p -> sb.append(p.getText()).append('\n'));
        return sb.toString();
    }

    static String fold(String s) {
        return WordComments.fold(s).text();
    }
}
