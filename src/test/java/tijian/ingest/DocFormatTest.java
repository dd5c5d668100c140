package tijian.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Old Word files (.doc, made by LibreOffice from the samples) give back the report line for line. */
class DocFormatTest {
    private final DocumentReader reader = new DocumentReader(20 << 20, Duration.ofSeconds(20));

    @ParameterizedTest
    @ValueSource(strings = {"shapingba-street-2025", "guanba-town-2025", "haitangxi-street-2023"})
    void readsTheReport(String name) throws IOException {
        byte[] doc;
        try (InputStream in = getClass().getResourceAsStream("/documents/" + name + ".doc")) {
            doc = in.readAllBytes();
        }
        Document read = reader.read(doc, null, null);
        assertEquals("doc", read.format());
        assertEquals(Fixtures.lines(Fixtures.report(name + ".txt")), Fixtures.lines(read.text()));
    }
}
