package tijian.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import tijian.audit.AuditExport;
import tijian.audit.AuditTestSupport;
import tijian.audit.ReportVariations;
import tijian.audit.ReportVariations.Variation;
import tijian.report.UnitNames;
import tijian.db.EmbeddedDatabaseResource;
import io.quarkus.test.security.TestSecurity;
import tijian.rules.Status;
import tijian.security.Roles;

@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class AuditResourceTest {
    @Inject
    DataSource dataSource;

    @BeforeAll
    static void doubles() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** 195 distinct reports, 3 byte-identical copies, 2 bad files: 200 entries in folders. */
    static List<Variation> district() {
        List<Variation> files = new ArrayList<>();
        for (int i = 0; i < 195; i++) {
            files.add(ReportVariations.variation(i));
        }
        for (int i : new int[] {4, 50, 120}) {
            Variation v = files.get(i);
            files.add(new Variation("副本/" + v.path().substring(v.path().lastIndexOf('/') + 1), v.bytes(), v.unit(), v.year(), "duplicate"));
        }
        files.add(new Variation("坏文件/损坏的报告.docx", brokenDocx(), null, 0, "bad"));
        files.add(new Variation("坏文件/空白.txt", new byte[0], null, 0, "bad"));
        return files;
    }

    /** A Word file cut off half way: it looks like a .docx, but cannot be read. */
    static byte[] brokenDocx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document><w:body><w:p><w:r><w:t>关于2025年".repeat(200).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] whole = out.toByteArray();
        return Arrays.copyOf(whole, whole.length / 2);
    }

    @Test
    void auditsAZipOf200Reports() throws Exception {
        List<Variation> files = district();
        assertEquals(200, files.size());
        byte[] zip = ReportVariations.zip(files);

        long started = System.nanoTime();
        String id = given().multiPart("file", "江津区2024年度.zip", zip, "application/zip")
                .multiPart(new MultiPartSpecBuilder("江津区2024年度").controlName("name").mimeType("text/plain").charset("UTF-8").build())
                .when().post("/api/audits")
                .then().statusCode(202).body("total", equalTo(200)).body("duplicates", equalTo(3))
                .extract().path("id");
        JsonPath audit = AuditTestSupport.awaitFinished(id, 120_000);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("AUDIT THROUGHPUT: 200 files (195 to check) in %.1f s = %.1f reports/s%n", seconds, 195 / seconds);

        assertEquals("江津区2024年度", audit.getString("name"));
        assertEquals(200, audit.getInt("total"));
        assertEquals(195, audit.getInt("done"));
        assertEquals(3, audit.getInt("duplicates"));
        assertEquals(2, audit.getInt("failed"), () -> "failures: " + audit.getList("failures"));
        assertEquals(1.0, audit.getDouble("progress"));
        assertEquals(List.of("坏文件/损坏的报告.docx", "坏文件/空白.txt"), audit.getList("failures.file"));
        audit.getList("failures.reason", String.class).forEach(r -> assertTrue(r != null && !r.isBlank()));
        assertEquals(List.of(files.get(4).path(), files.get(50).path(), files.get(120).path()),
                audit.getList("duplicateFiles.duplicateOf", String.class));

        // every file that was checked has exactly one stored check
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select f.state, count(r.id) from audit_file f left join report_check r on r.audit_file_id = f.id
                      where f.audit_id = ? group by f.id, f.state""")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertEquals(rs.getString(1).equals("done") ? 1 : 0, rs.getInt(2), "checks of a " + rs.getString(1) + " file");
                }
                assertEquals(200, rows);
            }
        }

        // results: one row per file, each against its stored check
        JsonPath results = given().queryParam("sort", "score").queryParam("order", "desc")
                .when().get("/api/audits/" + id + "/results").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = results.getList("rows");
        assertEquals(200, rows.size());
        Map<String, Variation> byPath = new HashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        Map<String, JsonPath> checks = new HashMap<>();
        Double previous = null;
        for (Map<String, Object> row : rows) {
            Variation v = byPath.get((String) row.get("file"));
            String state = (String) row.get("state");
            if (!"done".equals(state)) {
                assertTrue(v.kind().equals("bad") && state.equals("failed") || v.kind().equals("duplicate") && state.equals("duplicate"),
                        () -> "unexpected row " + row);
                continue;
            }
            assertEquals(v.unit(), row.get("unit"), () -> "unit of " + row);
            assertEquals(v.year(), row.get("year"), () -> "year of " + row);
            double score = ((Number) row.get("score")).doubleValue();
            if (previous != null) {
                assertTrue(score <= previous, "sorted by score desc");
            }
            previous = score;
            String checkId = (String) row.get("checkId");
            JsonPath check = given().when().get((String) row.get("checklist")).then().statusCode(200).extract().jsonPath();
            checks.put(checkId, check);
            assertEquals(check.getDouble("score"), score);
            assertEquals(check.getString("grade"), row.get("grade"));
            Map<String, Integer> counts = new TreeMap<>();
            List<String> mandatoryFailures = new ArrayList<>();
            for (Map<String, Object> item : check.<Map<String, Object>>getList("items")) {
                counts.merge((String) item.get("status"), 1, Integer::sum);
                if ("FAIL".equals(item.get("status")) && "MANDATORY".equals(item.get("severity"))) {
                    mandatoryFailures.add((String) item.get("id"));
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Integer> rowCounts = (Map<String, Integer>) row.get("counts");
            for (String s : List.of("PASS", "WARN", "FAIL", "NOT_APPLICABLE")) {
                assertEquals(counts.getOrDefault(s, 0), rowCounts.get(s), s + " of " + row.get("file"));
            }
            assertEquals(counts.getOrDefault("FAIL", 0), row.get("failures"));
            assertEquals(mandatoryFailures.stream().sorted().toList(), ((List<?>) row.get("mandatoryFailures")).stream().sorted().toList());
        }
        assertEquals(195, checks.size());

        // summary, computed here from the stored checks
        List<Map<String, Object>> done = rows.stream().filter(r -> "done".equals(r.get("state"))).toList();
        List<Double> scores = done.stream().map(r -> ((Number) r.get("score")).doubleValue()).sorted().toList();
        assertEquals(195, results.getInt("summary.reports"));
        assertEquals(Math.round(scores.stream().mapToDouble(d -> d).sum() / 195 * 10) / 10.0, results.getDouble("summary.meanScore"));
        assertEquals(scores.get(97), results.getDouble("summary.medianScore"));
        assertEquals(scores.get(0), results.getDouble("summary.minScore"));
        assertEquals(scores.get(194), results.getDouble("summary.maxScore"));
        Map<String, Integer> grades = new HashMap<>();
        done.forEach(r -> grades.merge((String) r.get("grade"), 1, Integer::sum));
        for (String g : List.of("优秀", "良好", "合格", "不合格")) {
            assertEquals(grades.getOrDefault(g, 0), results.getInt("summary.grades." + g), g);
        }
        int[] bands = new int[5];
        for (double s : scores) {
            bands[s < 60 ? 0 : s < 70 ? 1 : s < 80 ? 2 : s < 90 ? 3 : 4]++;
        }
        assertEquals(Arrays.stream(bands).boxed().toList(), results.getList("summary.scoreBands.count", Integer.class));
        Map<String, Integer> fails = new TreeMap<>();
        for (JsonPath check : checks.values()) {
            for (Map<String, Object> item : check.<Map<String, Object>>getList("items")) {
                if ("FAIL".equals(item.get("status"))) {
                    fails.merge((String) item.get("id"), 1, Integer::sum);
                }
            }
        }
        List<Map<String, Object>> failing = results.getList("summary.failingItems");
        assertEquals(fails.size(), failing.size());
        int last = Integer.MAX_VALUE;
        for (Map<String, Object> item : failing) {
            int count = (Integer) item.get("fail");
            assertEquals(fails.get((String) item.get("item")), count, () -> "fail count of " + item);
            assertEquals(Math.round(10000.0 * count / 195) / 10000.0, ((Number) item.get("failShare")).doubleValue(), 1e-9);
            assertTrue(count <= last, "most failing first");
            last = count;
        }
        Map<String, List<Double>> perUnit = new TreeMap<>();
        done.forEach(r -> perUnit.computeIfAbsent((String) r.get("unit"), k -> new ArrayList<>()).add(((Number) r.get("score")).doubleValue()));
        List<Map<String, Object>> units = results.getList("summary.units");
        assertEquals(perUnit.size(), units.size());
        double lastScore = Double.MAX_VALUE;
        for (Map<String, Object> u : units) {
            List<Double> s = perUnit.get((String) u.get("unit"));
            assertEquals(s.size(), u.get("reports"));
            double avg = Math.round(s.stream().mapToDouble(d -> d).sum() / s.size() * 10) / 10.0;
            assertEquals(avg, ((Number) u.get("score")).doubleValue(), 1e-9);
            assertTrue(avg <= lastScore);
            lastScore = avg;
        }
        assertEquals(1, units.get(0).get("rank"));

        // other sorts
        List<String> byUnit = given().queryParam("sort", "unit").queryParam("order", "asc")
                .when().get("/api/audits/" + id + "/results").then().statusCode(200).extract().jsonPath()
                .getList("rows.findAll { it.state == 'done' }.unit", String.class);
        assertEquals(byUnit.stream().sorted().toList(), byUnit);
        List<Integer> byFailures = given().queryParam("sort", "failures").queryParam("order", "desc")
                .when().get("/api/audits/" + id + "/results").then().statusCode(200).extract().jsonPath()
                .getList("rows.findAll { it.state == 'done' }.failures", Integer.class);
        assertEquals(byFailures.stream().sorted(Comparator.reverseOrder()).toList(), byFailures);
        given().queryParam("sort", "colour").when().get("/api/audits/" + id + "/results")
                .then().statusCode(400).body("code", equalTo("bad-sort"));

        // CSV: BOM, header, one row per file in ranking order
        Response csvResponse = given().when().get("/api/audits/" + id + "/export.csv");
        assertEquals(200, csvResponse.statusCode());
        assertTrue(csvResponse.header("Content-Disposition").contains("filename*=UTF-8''"), csvResponse.header("Content-Disposition"));
        byte[] csv = csvResponse.asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertEquals(201, records.size());
        assertEquals("排名", records.get(0).get(0));
        for (int i = 0; i < 200; i++) {
            CSVRecord rec = records.get(i + 1);
            Map<String, Object> row = rows.get(i);
            assertEquals(row.get("file"), rec.get(3));
            if ("done".equals(row.get("state"))) {
                assertEquals(String.valueOf(row.get("rank")), rec.get(0));
                assertEquals(row.get("unit"), rec.get(1));
                assertEquals(((Number) row.get("score")).doubleValue(), Double.parseDouble(rec.get(5)));
                assertEquals(row.get("grade"), rec.get(6));
            } else {
                assertEquals("", rec.get(5));
            }
        }

        // XLSX: three sheets, the matrix coloured by status, every finding with its evidence
        Response xlsxResponse = given().when().get("/api/audits/" + id + "/export.xlsx");
        assertEquals(200, xlsxResponse.statusCode());
        assertTrue(xlsxResponse.header("Content-Disposition").contains(".xlsx"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsxResponse.asByteArray()))) {
            assertEquals(3, wb.getNumberOfSheets());
            Sheet ranking = wb.getSheet(AuditExport.SHEET_RANKING);
            assertEquals(200, ranking.getLastRowNum());
            Sheet matrix = wb.getSheet(AuditExport.SHEET_MATRIX);
            Row head = matrix.getRow(0);
            assertEquals(2 + 195, head.getLastCellNum());
            List<Map<String, Object>> doneRows = rows.stream().filter(r -> "done".equals(r.get("state"))).toList();
            int cells = 0;
            for (int r = 1; r <= matrix.getLastRowNum(); r++) {
                Row x = matrix.getRow(r);
                String item = x.getCell(0).getStringCellValue();
                for (int j = 0; j < doneRows.size(); j++) {
                    Map<String, Object> row = doneRows.get(j);
                    assertEquals(row.get("unit") + " " + row.get("year"), head.getCell(j + 2).getStringCellValue());
                    String status = checks.get((String) row.get("checkId"))
                            .getString("items.find { it.id == '" + item + "' }.status");
                    Cell cell = x.getCell(j + 2);
                    assertNotNull(cell, item + " of " + row.get("file"));
                    assertEquals(AuditExport.STATUS_LABELS.get(Status.valueOf(status)), cell.getStringCellValue());
                    assertEquals(AuditExport.FILLS.get(Status.valueOf(status)).getIndex(), cell.getCellStyle().getFillForegroundColor(),
                            "fill of " + status);
                    cells++;
                }
            }
            assertTrue(cells > 0);
            Sheet findings = wb.getSheet(AuditExport.SHEET_FINDINGS);
            int expected = 0;
            for (JsonPath check : checks.values()) {
                for (Map<String, Object> item : check.<Map<String, Object>>getList("items")) {
                    if ("FAIL".equals(item.get("status")) || "WARN".equals(item.get("status"))) {
                        expected++;
                    }
                }
            }
            assertEquals(expected, findings.getLastRowNum());
            assertEquals("原文摘录", findings.getRow(0).getCell(8).getStringCellValue());
        }
    }

    @Test
    void refusesBadUploads() throws IOException {
        given().multiPart("name", "空的").when().post("/api/audits").then().statusCode(400).body("code", equalTo("no-files"));
        given().contentType("application/zip").body(new byte[0]).when().post("/api/audits").then().statusCode(400);

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("bomb.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        given().multiPart("file", "bomb.zip", bomb.toByteArray(), "application/zip").when().post("/api/audits")
                .then().statusCode(413).body("code", equalTo("zip-bomb"));

        ByteArrayOutputStream evil = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(evil)) {
            zip.putNextEntry(new ZipEntry("../../etc/evil.txt"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        given().multiPart("file", "evil.zip", evil.toByteArray(), "application/zip").when().post("/api/audits")
                .then().statusCode(422).body("code", equalTo("unsafe-path"));

        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(nested)) {
            zip.putNextEntry(new ZipEntry("inner.zip"));
            zip.write(evil.toByteArray());
            zip.closeEntry();
        }
        given().multiPart("file", "nested.zip", nested.toByteArray(), "application/zip").when().post("/api/audits")
                .then().statusCode(422).body("code", equalTo("nested-archive"));

        given().when().get("/api/audits/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("not-found"));
        given().when().get("/api/audits/not-a-uuid/results").then().statusCode(404);
    }

    @Test
    void acceptsSeveralFilePartsAndRecognisesDuplicates() {
        Variation a = ReportVariations.variation(300);
        Variation b = ReportVariations.variation(301);
        String id = given().multiPart("file", "a.txt", a.bytes(), "text/plain").multiPart("file", "b.txt", b.bytes(), "text/plain")
                .multiPart("file", "a-copy.txt", a.bytes(), "text/plain")
                .when().post("/api/audits").then().statusCode(202).extract().path("id");
        JsonPath audit = AuditTestSupport.awaitFinished(id, 30_000);
        assertEquals(3, audit.getInt("total"));
        assertEquals(2, audit.getInt("done"));
        assertEquals(1, audit.getInt("duplicates"));
        assertEquals("a-copy.txt", audit.getString("duplicateFiles[0].file"));
        assertEquals("a.txt", audit.getString("duplicateFiles[0].duplicateOf"));
        List<String> ids = given().when().get("/api/audits").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(ids.contains(id));
        assertEquals(UnitNames.normalise(a.unit()), given().when().get("/api/audits/" + id + "/results")
                .then().extract().jsonPath().getString("rows.find { it.file == 'a.txt' }.unit"));
    }

    static Map<String, Object> sorted(Map<String, Object> m) {
        return new LinkedHashMap<>(new TreeMap<>(m));
    }
}
