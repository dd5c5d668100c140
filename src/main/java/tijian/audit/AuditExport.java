package tijian.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

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
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import tijian.audit.AuditViews.Results;
import tijian.check.CheckService;
import tijian.check.CheckView;
import tijian.rules.ChecklistItem;
import tijian.rules.Severity;
import tijian.rules.Status;

/**
 * Exports of an audit's results. CSV: the ranking, UTF-8 with a BOM so that Excel shows the Chinese. XLSX: the
 * ranking, an item × report matrix whose cells are filled by status, and every finding with its evidence quotes.
 * Both are written to the caller's stream as they are made, so that an audit of 10,000 reports fits a small heap.
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

    /** Checks whose views are read in one query for the workbook. */
    static final int PAGE = 200;

    /** Rows of a sheet held in memory while the workbook is written; the rest are in temporary files. */
    static final int WINDOW = 100;

    static final List<String> CSV_HEADER = List.of("排名", "单位", "年度", "文件", "状态", "得分", "等级", "通过", "提醒", "不通过",
            "不适用", "强制项不通过", "原因", "体检结果");

    @Inject
    AuditQueries audits;

    @Inject
    CheckService checks;

    /** An export whose audit was found, written when the caller has somewhere to write it. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The ranking as CSV, a row at a time; empty when there is no such audit (decided here, before any byte is written). */
    public Optional<Body> csv(UUID id) {
        return audits.results(id, "score", "desc").map(results -> out -> writeCsv(results, out));
    }

    static void writeCsv(Results results, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.EXCEL);
        csv.printRecord(CSV_HEADER);
        for (AuditViews.Row r : results.rows()) {
            csv.printRecord(rankingCells(r).stream().map(AuditExport::neutralised).toList());
        }
        // flushed, not closed: the stream is the caller's
        csv.flush();
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

    /**
     * The workbook, streamed: the checks' views are read {@link #PAGE} at a time in ranking order and each is
     * dropped once its findings are written; SXSSF keeps a window of rows in memory and the rest in temporary files,
     * deleted when the export ends, also when it fails. Empty when there is no such audit (decided before any byte).
     */
    public Optional<Body> xlsx(UUID id) {
        return audits.results(id, "score", "desc").map(results -> out -> writeXlsx(results, checks::views, PAGE, out));
    }

    static void writeXlsx(Results results, Function<Collection<UUID>, Map<UUID, CheckView>> load, int pageSize, OutputStream out)
            throws IOException {
        List<AuditViews.Row> checked = results.rows().stream().filter(x -> x.checkId() != null).toList();
        Pages views = new Pages(checked.stream().map(AuditViews.Row::checkId).toList(), load, pageSize);
        // closing deletes the temporary files (SXSSFWorkbook.close disposes), also when writing failed
        try (SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW)) {
            // the findings' XML of a large audit is hundreds of MB: worth the CPU to keep the temporary files small
            wb.setCompressTempFiles(true);
            writeSheets(wb, results, checked, views);
            wb.write(out);
        }
    }

    /** Ranking, then the findings a page of views at a time (noting each report's verdicts), then the matrix from those. */
    private static void writeSheets(SXSSFWorkbook wb, Results results, List<AuditViews.Row> checked, Pages views) {
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
        // the sheets in the order a reader sees them; each is written whenever its rows are known
        Sheet ranking = wb.createSheet(SHEET_RANKING);
        SXSSFSheet matrix = wb.createSheet(SHEET_MATRIX);
        Sheet findings = wb.createSheet(SHEET_FINDINGS);

        // 1. ranking
        writeRow(ranking, 0, new ArrayList<>(CSV_HEADER), header);
        int rank = 1;
        for (AuditViews.Row row : results.rows()) {
            writeRow(ranking, rank++, rankingCells(row), null);
        }
        ranking.createFreezePane(0, 1);

        // 2. findings with their evidence (a block of its own, so that its lines read as they always have)
        Verdicts verdicts = new Verdicts();
        {
            writeRow(findings, 0, List.of("单位", "年度", "文件", "检查项", "名称", "状态", "性质", "说明", "原文摘录"), header);
            int r = 1;
            for (AuditViews.Row row : checked) {
                List<ChecklistItem> items = itemsOf(views, row);
                verdicts.add(items);
                for (ChecklistItem it : items) {
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
        }

        // 3. item × report matrix: a row per item, a column per report, so it needs every report's verdicts first
        List<String> itemIds = new ArrayList<>(verdicts.titles.keySet());
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
            x.createCell(1).setCellValue(verdicts.titles.get(item));
            for (int j = 0; j < checked.size(); j++) {
                Status status = verdicts.status(j, item);
                if (status != null) {
                    Cell cell = x.createCell(j + 2);
                    cell.setCellValue(STATUS_LABELS.get(status));
                    CellStyle style = fills.get(status);
                    if (style != null) {
                        cell.setCellStyle(style);
                    }
                }
            }
            flush(matrix);
        }
        matrix.createFreezePane(2, 1);
        matrix.setColumnWidth(0, 36 * 256);
        matrix.setColumnWidth(1, 24 * 256);
    }

    /** A matrix row has a cell per report (thousands): written out at once rather than kept in the window. */
    private static void flush(SXSSFSheet sheet) {
        try {
            sheet.flushRows(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "关坝镇 2025" (with the file when the unit was not recognised). */
    static String columnName(AuditViews.Row row) {
        String unit = row.unit() == null ? row.file() : row.unit();
        return row.year() == null ? unit : unit + " " + row.year();
    }

    private static List<ChecklistItem> itemsOf(Pages views, AuditViews.Row row) {
        CheckView view = views.view(row.checkId());
        return view == null ? List.of() : view.items();
    }

    /**
     * The checks' views a page at a time, asked for in the order of {@code ids}: one page (about 48 KB of JSON a
     * check) is held, the next is read when a check beyond it is asked for.
     */
    private static final class Pages {
        private final List<UUID> ids;
        private final Function<Collection<UUID>, Map<UUID, CheckView>> load;
        private final int size;
        private int next;
        private Set<UUID> asked = Set.of();
        private Map<UUID, CheckView> page = Map.of();

        Pages(List<UUID> ids, Function<Collection<UUID>, Map<UUID, CheckView>> load, int size) {
            this.ids = ids;
            this.load = load;
            this.size = size;
        }

        CheckView view(UUID id) {
            while (!asked.contains(id) && next < ids.size()) {
                asked = new LinkedHashSet<>(ids.subList(next, Math.min(next + size, ids.size())));
                next += asked.size();
                page = Map.of();            // let the old page go before the next is read: never two at once
                page = load.apply(asked);
            }
            return page.get(id);
        }
    }

    /**
     * What the matrix needs of the views, kept once they are gone: each report's status per item, a byte each
     * (0: the report has no such item), and the items' titles as first seen.
     */
    private static final class Verdicts {
        private static final Status[] STATUSES = Status.values();
        final Map<String, String> titles = new LinkedHashMap<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final List<byte[]> reports = new ArrayList<>();

        void add(List<ChecklistItem> items) {
            for (ChecklistItem it : items) {
                titles.putIfAbsent(it.id(), it.title());
                index.putIfAbsent(it.id(), index.size());
            }
            byte[] statuses = new byte[index.size()];
            for (ChecklistItem it : items) {
                int i = index.get(it.id());
                if (statuses[i] == 0 && it.status() != null) {
                    statuses[i] = (byte) (it.status().ordinal() + 1);
                }
            }
            reports.add(statuses);
        }

        Status status(int report, String item) {
            byte[] statuses = reports.get(report);
            Integer i = index.get(item);
            return i == null || i >= statuses.length || statuses[i] == 0 ? null : STATUSES[statuses[i] - 1];
        }
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
