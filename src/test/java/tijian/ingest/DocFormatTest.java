package tijian.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tijian.testsupport.SampleReports;

/** Old Word files (.doc, made by LibreOffice from the samples) give back the report line for line. */
class DocFormatTest {
    private final DocumentReader reader = new DocumentReader(20 << 20, Duration.ofSeconds(20));

    @ParameterizedTest
    @ValueSource(strings = {"shapingba-street-2025", "guanba-town-2025", "haitangxi-street-2023"})
    void readsTheReport(String name) {
        Document read = reader.read(SampleReports.document(name, "doc"), null, null);
        assertEquals("doc", read.format());
        assertEquals(Fixtures.lines(SampleReports.text(name + ".txt")), Fixtures.lines(read.text()));
    }
}
