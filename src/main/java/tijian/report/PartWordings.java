package tijian.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the part wordings of a rule set ({@code rules/data/parts.csv}): a header line {@code part,pattern,unless,note},
 * then one wording a line. {@code part} is a {@link Part} name, {@code pattern} and {@code unless} are Java regular
 * expressions searched in a heading's title ({@code unless} may be empty), {@code note} is free text. Lines starting
 * with # are comments; empty lines are skipped.
 */
public final class PartWordings {
    private PartWordings() {}

    /**
     * @throws IllegalArgumentException naming the line, for a missing column, an unknown part or a bad regex
     */
    public static List<PartWording> fromCsv(Reader reader) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .build();
        List<PartWording> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : List.of("part", "pattern")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException("parts.csv line 1: header must name columns part,pattern,unless,note;"
                            + " missing '" + column + "'");
                }
            }
            boolean hasUnless = parser.getHeaderMap().containsKey("unless");
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                if (!r.isSet("pattern")) {
                    throw new IllegalArgumentException("parts.csv line " + line + ": missing column 'pattern'");
                }
                String partName = r.get("part");
                Part part;
                try {
                    part = Part.valueOf(partName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("parts.csv line " + line + ": unknown part '" + partName
                            + "' (expected one of " + Arrays.toString(Part.values()) + ")");
                }
                String pattern = r.get("pattern");
                if (pattern.isEmpty()) {
                    throw new IllegalArgumentException("parts.csv line " + line + ": empty pattern");
                }
                String unless = hasUnless && r.isSet("unless") ? r.get("unless") : "";
                out.add(new PartWording(part, compile(pattern, "pattern", line),
                        unless.isEmpty() ? null : compile(unless, "unless", line)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read parts.csv", e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("parts.csv: malformed CSV: " + e.getMessage(), e);
        }
        return out;
    }

    private static Pattern compile(String regex, String column, long line) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("parts.csv line " + line + ": bad " + column + " regex '" + regex + "': "
                    + e.getDescription(), e);
        }
    }
}
