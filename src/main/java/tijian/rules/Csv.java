package tijian.rules;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the rule data tables: UTF-8 CSV with a header row, as Excel or WPS saves them (BOM tolerated). */
final class Csv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
            .setCommentMarker('#').build();

    private Csv() {}

    /** One data row with the file line it came from, so problems can point at it. */
    record Row(int line, Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v;
        }
    }

    static List<Row> read(String file, String content, List<String> requiredColumns, List<Problem> problems) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<Row> rows = new ArrayList<>();
        try (var parser = FORMAT.parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            for (String column : requiredColumns) {
                if (!header.contains(column)) {
                    problems.add(Problem.error(file, 1, 1, "missing column \"" + column + "\"; the header must name " + requiredColumns));
                    return rows;
                }
            }
            for (CSVRecord record : parser) {
                rows.add(new Row((int) record.getParser().getCurrentLineNumber(), record.toMap()));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.error(file, 0, 0, "not a readable CSV table: " + e.getMessage()));
        }
        return rows;
    }
}
