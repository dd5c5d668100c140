package tijian.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads the project's parts.csv and the sample reports (test resources, never /work/shared). */
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

    static String sample(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/reports/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Report parse(String text) { return parser().parse(text); }

    static List<Section> top(Report r) {
        return r.getSections().stream().filter(Section::isTopLevel).toList();
    }
}
