package tijian.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import tijian.audit.AuditViews.Results;
import tijian.check.CheckService;
import tijian.check.CheckView;
import tijian.rules.ChecklistItem;
import tijian.rules.Severity;
import tijian.rules.Status;

/**
 * Exports of an audit's results. CSV: the ranking, UTF-8 with a BOM so that Excel shows the Chinese. XLSX: the
 * ranking, an item × report matrix whose cells are filled by status, and every finding with its evidence quotes.
 */
@ApplicationScoped
public class AuditExport {
    public static final String SHEET_RANKING = "排名";
    public static final String SHEET_MATRIX = "检查项矩阵";
    public static final String SHEET_FINDINGS = "问题清单";

    /** Matrix fills by status. */
    public static final Map<Status, IndexedColors> FILLS = new EnumMap<>(Map.of(
            Status.PASS, IndexedColors.LIGHT_GREEN,
            Status.WARN, IndexedColors.LIGHT_YELLOW,
            Status.FAIL, IndexedColors.CORAL,
            Status.NOT_APPLICABLE, IndexedColors.GREY_25_PERCENT));

    public static final Map<Status, String> STATUS_LABELS = new EnumMap<>(Map.of(
            Status.PASS, "通过", Status.WARN, "提醒", Status.FAIL, "不通过", Status.NOT_APPLICABLE, "不适用"));

    static final List<String> CSV_HEADER = List.of("排名", "单位", "年度", "文件", "状态", "得分", "等级", "通过", "提醒", "不通过",
            "不适用", "强制项不通过", "原因", "体检结果");

    @Inject
    AuditQueries audits;

    @Inject
    CheckService checks;

    public Optional<byte[]> csv(UUID id) {
        return audits.results(id, "score", "desc").map(results -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.EXCEL)) {
                    csv.printRecord(CSV_HEADER);
                    for (AuditViews.Row r : results.rows()) {
                        csv.printRecord(rankingCells(r).stream().map(AuditExport::neutralised).toList());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    static List<Object> rankingCells(AuditViews.Row r) {
        List<Object> cells = new ArrayList<>();
        cells.add(r.rank() == null ? "" : r.rank());
        cells.add(nz(r.unit()));
        cells.add(r.year() == null ? "" : r.year());
        cells.add(r.file());
        cells.add(stateLabel(r.state()));
        cells.add(r.score() == null ? "" : r.score());
        cells.add(r.grade() == null ? "" : r.grade().label());
        if (r.counts() == null) {
            cells.add("");
            cells.add("");
            cells.add("");
            cells.add("");
            cells.add("");
        } else {
            cells.add(r.counts().get(Status.PASS));
            cells.add(r.counts().get(Status.WARN));
            cells.add(r.counts().get(Status.FAIL));
            cells.add(r.counts().get(Status.NOT_APPLICABLE));
            cells.add(String.join(" ", r.mandatoryFailures()));
        }
        cells.add(r.error() != null ? r.error() : r.duplicateOf() != null ? "与 " + r.duplicateOf() + " 相同" : "");
        // the checklist page, not its JSON: a person follows this link
        cells.add(r.checkId() == null ? "" : "/checks/" + r.checkId());
        return cells;
    }

    /**
     * A text cell that a spreadsheet would take for a formula (it begins with = + - @, a tab or a carriage return:
     * a file name like {@code =HYPERLINK(…)}) gets a leading apostrophe, as OWASP recommends for CSV injection.
     */
    static Object neutralised(Object cell) {
        if (cell instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return cell;
    }

    static String stateLabel(FileState state) {
        return switch (state) {
            case DONE -> "已体检";
            case FAILED -> "失败";
            case DUPLICATE -> "重复";
            case RUNNING -> "体检中";
            case QUEUED -> "排队中";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public Optional<byte[]> xlsx(UUID id) {
        Optional<Results> found = audits.results(id, "score", "desc");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Results results = found.get();
        List<AuditViews.Row> checked = results.rows().stream().filter(x -> x.checkId() != null).toList();
        Map<UUID, CheckView> views = checks.views(checked.stream().map(AuditViews.Row::checkId).toList());
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Map<Status, CellStyle> fills = new EnumMap<>(Status.class);
            FILLS.forEach((status, color) -> {
                CellStyle s = wb.createCellStyle();
                s.setFillForegroundColor(color.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                s.setBorderBottom(BorderStyle.THIN);
                s.setBorderTop(BorderStyle.THIN);
                s.setBorderLeft(BorderStyle.THIN);
                s.setBorderRight(BorderStyle.THIN);
                fills.put(status, s);
            });
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);

            // 1. ranking
            Sheet ranking = wb.createSheet(SHEET_RANKING);
            writeRow(ranking, 0, new ArrayList<>(CSV_HEADER), header);
            int r = 1;
            for (AuditViews.Row row : results.rows()) {
                writeRow(ranking, r++, rankingCells(row), null);
            }
            ranking.createFreezePane(0, 1);

            // 2. item × report matrix
            Sheet matrix = wb.createSheet(SHEET_MATRIX);
            Map<String, String> itemTitles = new LinkedHashMap<>();
            for (AuditViews.Row row : checked) {
                for (ChecklistItem it : itemsOf(views, row)) {
                    itemTitles.putIfAbsent(it.id(), it.title());
                }
            }
            List<String> itemIds = new ArrayList<>(itemTitles.keySet());
            itemIds.sort(null);
            List<Object> head = new ArrayList<>(List.of("检查项", "名称"));
            for (AuditViews.Row row : checked) {
                head.add(columnName(row));
            }
            writeRow(matrix, 0, head, header);
            for (int i = 0; i < itemIds.size(); i++) {
                String item = itemIds.get(i);
                Row x = matrix.createRow(i + 1);
                x.createCell(0).setCellValue(item);
                x.createCell(1).setCellValue(itemTitles.get(item));
                for (int j = 0; j < checked.size(); j++) {
                    Status status = status(itemsOf(views, checked.get(j)), item);
                    if (status != null) {
                        Cell cell = x.createCell(j + 2);
                        cell.setCellValue(STATUS_LABELS.get(status));
                        CellStyle style = fills.get(status);
                        if (style != null) {
                            cell.setCellStyle(style);
                        }
                    }
                }
            }
            matrix.createFreezePane(2, 1);
            matrix.setColumnWidth(0, 36 * 256);
            matrix.setColumnWidth(1, 24 * 256);

            // 3. findings with their evidence
            Sheet findings = wb.createSheet(SHEET_FINDINGS);
            writeRow(findings, 0, List.of("单位", "年度", "文件", "检查项", "名称", "状态", "性质", "说明", "原文摘录"), header);
            r = 1;
            for (AuditViews.Row row : checked) {
                for (ChecklistItem it : itemsOf(views, row)) {
                    if (it.status() != Status.FAIL && it.status() != Status.WARN) {
                        continue;
                    }
                    List<Object> cells = new ArrayList<>();
                    cells.add(row.unit() == null ? "" : row.unit());
                    cells.add(row.year() == null ? "" : row.year());
                    cells.add(row.file());
                    cells.add(it.id());
                    cells.add(it.title());
                    cells.add(STATUS_LABELS.get(it.status()));
                    cells.add(it.severity() == Severity.MANDATORY ? "必备" : "建议");
                    cells.add(it.message());
                    cells.add(cap(String.join("\n……\n", it.evidence().stream().map(AuditExport::excerpt).toList())));
                    Row x = writeRow(findings, r++, cells, null);
                    x.getCell(5).setCellStyle(fills.get(it.status()));
                    x.getCell(8).setCellStyle(wrap);
                }
            }
            findings.createFreezePane(0, 1);
            findings.setColumnWidth(7, 50 * 256);
            findings.setColumnWidth(8, 80 * 256);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "关坝镇 2025" (with the file when the unit was not recognised). */
    static String columnName(AuditViews.Row row) {
        String unit = row.unit() == null ? row.file() : row.unit();
        return row.year() == null ? unit : unit + " " + row.year();
    }

    private static List<ChecklistItem> itemsOf(Map<UUID, CheckView> views, AuditViews.Row row) {
        CheckView view = views.get(row.checkId());
        return view == null ? List.of() : view.items();
    }

    private static Status status(List<ChecklistItem> items, String item) {
        for (ChecklistItem it : items) {
            if (it.id().equals(item)) {
                return it.status();
            }
        }
        return null;
    }

    /** Excel holds at most 32767 characters in a cell. */
    private static String cap(String s) {
        return s.length() > 32000 ? s.substring(0, 32000) + "……" : s;
    }

    private static Row writeRow(Sheet sheet, int index, List<Object> cells, CellStyle style) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            Cell cell = row.createCell(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(v == null ? "" : v.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
        return row;
    }

    /** An evidence passage as the findings sheet shows it: this report's quote, and another report's beside it. */
    static String excerpt(ChecklistItem.Evidence e) {
        if (e.elsewhere() == null) {
            return e.quote();
        }
        return e.inText() ? e.quote() + "\n（" + e.elsewhere().cited() + "）" : "（" + e.elsewhere().cited() + "）";
    }
}
