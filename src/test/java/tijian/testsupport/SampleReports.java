package tijian.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sample reports every test works from: the texts in {@code src/test/resources/reports/} and the same reports
 * in other formats, made once and committed under {@code src/test/resources/documents/} (see the README there).
 * Read from the test class path only, once per class loader.
 */
public final class SampleReports {
    public static final String SHAPINGBA = "shapingba-street-2025.txt";
    public static final String GUANBA = "guanba-town-2025.txt";
    public static final String HAITANGXI = "haitangxi-street-2023.txt";
    public static final List<String> ALL = List.of(SHAPINGBA, GUANBA, HAITANGXI);

    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();
    private static final Map<String, byte[]> DOCUMENTS = new ConcurrentHashMap<>();

    private SampleReports() {}

    /** A sample report's text, e.g. {@code text(SHAPINGBA)}. */
    public static String text(String name) {
        return TEXTS.computeIfAbsent(name, n -> new String(resource("/reports/" + n), StandardCharsets.UTF_8));
    }

    /**
     * The committed copy of a sample report in another format, e.g. {@code document(SHAPINGBA, "pdf")} for
     * {@code documents/shapingba-street-2025.pdf}. A fresh array each time: tests may cut or change it.
     */
    public static byte[] document(String name, String extension) {
        String file = name.replaceFirst("\\.txt$", "") + "." + extension;
        return DOCUMENTS.computeIfAbsent(file, f -> resource("/documents/" + f)).clone();
    }

    private static byte[] resource(String path) {
        try (InputStream in = SampleReports.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
