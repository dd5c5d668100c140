package tijian.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tijian.rules.Problem;
import tijian.rules.RuleData;

/** Loads the project's parts.csv and parses reports with it (the sample reports: {@link tijian.testsupport.SampleReports}). */
public final class Fixtures {
    private static List<PartWording> wordings;

    private Fixtures() {}

    static synchronized List<PartWording> wordings() {
        if (wordings == null) {
            List<Problem> problems = new ArrayList<>();
            try {
                wordings = RuleData.partWordings(Files.readString(Path.of("rules/data/parts.csv"), StandardCharsets.UTF_8), problems);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("rules/data/parts.csv: " + problems);
            }
        }
        return wordings;
    }

    static ReportParser parser() { return new ReportParser(wordings()); }

    public static Report parse(String text) { return parser().parse(text); }

    static List<Section> top(Report r) {
        return r.getSections().stream().filter(Section::isTopLevel).toList();
    }
}
