package tijian.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import tijian.audit.AuditViews.Results;
import tijian.audit.ReportVariations.Variation;
import tijian.check.CheckService;
import tijian.check.CheckView;
import tijian.db.EmbeddedDatabaseResource;
import tijian.rules.ChecklistItem;
import tijian.rules.Status;
import tijian.security.Roles;

/** The exports of an audit larger than a page of checks: every row there, the views read a page at a time. */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class AuditExportTest {
    static final int REPORTS = 300;

    private static String auditId;

    @Inject
    AuditQueries audits;

    @Inject
    CheckService checks;

    /** 300 short reports, each of its own unit: quick to check, and enough for several pages; made once for the tests. */
    private static String auditId() {
        if (auditId != null) {
            return auditId;
        }
        List<Variation> files = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            String unit = "第" + i + "号街道";
            String text = "关于" + unit + "2024年度法治政府建设情况的报告\n一、主要举措\n" + unit + "坚持依法行政，全年开展法治培训" + (i + 3)
                    + "次。\n二、存在的不足\n法治宣传仍需加强。\n";
            files.add(new Variation("报告/" + unit + ".txt", text.getBytes(StandardCharsets.UTF_8), unit, 2024, "short"));
        }
        auditId = given().multiPart("file", "多份.zip", ReportVariations.zip(files), "application/zip")
                .when().post("/api/audits").then().statusCode(202).extract().path("id");
        AuditTestSupport.awaitFinished(auditId, 120_000);
        return auditId;
    }

    private Results results() {
        return audits.results(UUID.fromString(auditId()), "score", "desc").orElseThrow();
    }

    @Test
    void csvHasEveryRow() throws IOException {
        byte[] csv = given().when().get("/api/audits/" + auditId() + "/export.csv").then().statusCode(200).extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertEquals(AuditExport.CSV_HEADER, records.get(0).toList());
        List<AuditViews.Row> rows = results().rows();
        assertEquals(REPORTS, rows.size());
        assertEquals(REPORTS + 1, records.size());
        for (int i = 0; i < REPORTS; i++) {
            assertEquals(rows.get(i).file(), records.get(i + 1).get(3));
        }
    }

    @Test
    void xlsxReadsTheViewsAPageAtATimeAndHasEveryRow() throws IOException {
        Results results = results();
        List<AuditViews.Row> checked = results.rows().stream().filter(r -> r.checkId() != null).toList();
        assertEquals(REPORTS, checked.size(), "every short report is checked");
        List<List<UUID>> pages = new ArrayList<>();
        Function<Collection<UUID>, Map<UUID, CheckView>> counted = ids -> {
            pages.add(List.copyOf(ids));
            return checks.views(ids);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditExport.writeXlsx(results, counted, 7, out);

        // pages of 7 in ranking order, each check read once
        assertEquals((REPORTS + 6) / 7, pages.size());
        assertEquals(checked.stream().map(AuditViews.Row::checkId).toList(), pages.stream().flatMap(List::stream).toList());
        pages.forEach(p -> assertTrue(p.size() <= 7, p::toString));

        Map<UUID, CheckView> views = checks.views(checked.stream().map(AuditViews.Row::checkId).toList());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(REPORTS, wb.getSheet(AuditExport.SHEET_RANKING).getLastRowNum());
            Sheet matrix = wb.getSheet(AuditExport.SHEET_MATRIX);
            assertEquals(2 + REPORTS, matrix.getRow(0).getLastCellNum());
            long itemIds = views.values().stream().flatMap(v -> v.items().stream()).map(ChecklistItem::id).distinct().count();
            assertEquals(itemIds, matrix.getLastRowNum());
            for (int r = 1; r <= matrix.getLastRowNum(); r++) {
                Row x = matrix.getRow(r);
                String item = x.getCell(0).getStringCellValue();
                for (int j = 0; j < REPORTS; j++) {
                    Status status = views.get(checked.get(j).checkId()).items().stream()
                            .filter(it -> it.id().equals(item)).findFirst().orElseThrow().status();
                    assertNotNull(x.getCell(j + 2), item + " of " + checked.get(j).file());
                    assertEquals(AuditExport.STATUS_LABELS.get(status), x.getCell(j + 2).getStringCellValue());
                }
            }
            long findings = views.values().stream().flatMap(v -> v.items().stream())
                    .filter(it -> it.status() == Status.FAIL || it.status() == Status.WARN).count();
            assertTrue(findings > REPORTS, "short reports miss much: " + findings);
            Sheet sheet = wb.getSheet(AuditExport.SHEET_FINDINGS);
            assertEquals(findings, sheet.getLastRowNum());
            // in ranking order: the last finding is of the last report
            assertEquals(checked.get(REPORTS - 1).file(), sheet.getRow(sheet.getLastRowNum()).getCell(2).getStringCellValue());
        }
    }

    @Test
    void aFailedExportLeavesNoTemporaryFiles(@TempDir Path temp) throws IOException {
        Results results = results();
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(temp.toFile()));
        try {
            // the database fails on the third page
            int[] calls = {0};
            Function<Collection<UUID>, Map<UUID, CheckView>> failing = ids -> {
                if (++calls[0] == 3) {
                    throw new IllegalStateException("database gone");
                }
                assertTrue(files(temp) > 0, "the sheets are being written to temporary files");
                return checks.views(ids);
            };
            assertThrows(IllegalStateException.class, () -> AuditExport.writeXlsx(results, failing, 50, OutputStream.nullOutputStream()));
            assertEquals(0, files(temp));

            // the client goes away while the workbook is being sent
            OutputStream cut = new OutputStream() {
                int written;

                @Override
                public void write(int b) throws IOException {
                    if (++written > 10_000) {
                        throw new IOException("connection reset");
                    }
                }
            };
            assertThrows(IOException.class, () -> AuditExport.writeXlsx(results, checks::views, 50, cut));
            assertEquals(0, files(temp));
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    @Test
    void anUnknownAuditIsNotFoundBeforeAnythingIsStreamed() {
        for (String ext : List.of("csv", "xlsx")) {
            given().when().get("/api/audits/" + UUID.randomUUID() + "/export." + ext).then().statusCode(404);
            given().when().get("/api/audits/not-a-uuid/export." + ext).then().statusCode(404);
        }
    }

    private static long files(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
