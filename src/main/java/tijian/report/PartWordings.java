package tijian.report;

import java.io.Reader;
import java.util.List;

/** PLACEHOLDER until the structure parser lands. */
public final class PartWordings {
    private PartWordings() {}

    public static List<PartWording> fromCsv(Reader csv) {
        return List.of();
    }
}
