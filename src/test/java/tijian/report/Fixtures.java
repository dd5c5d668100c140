package tijian.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads the project's parts.csv and parses reports with it (the sample reports: {@link tijian.testsupport.SampleReports}). */
final class Fixtures {
    private static List<PartWording> wordings;

    private Fixtures() {}

    static synchronized List<PartWording> wordings() {
        if (wordings == null) {
            try (Reader r = Files.newBufferedReader(Path.of("rules/data/parts.csv"), StandardCharsets.UTF_8)) {
                wordings = PartWordings.fromCsv(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return wordings;
    }

    static ReportParser parser() { return new ReportParser(wordings()); }

    static Report parse(String text) { return parser().parse(text); }

    static List<Section> top(Report r) {
        return r.getSections().stream().filter(Section::isTopLevel).toList();
    }
}
