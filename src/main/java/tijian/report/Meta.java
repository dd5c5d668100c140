package tijian.report;

import java.time.LocalDate;
import java.util.List;

/** Title, unit, year and dates of a report. PLACEHOLDER until the structure parser lands. */
record Meta(String title, Span titleSpan, String issuer, String unit, Integer year,
            LocalDate publishedOn, Span publishedOnSpan, LocalDate signedOn) {
    static Meta extract(String text, List<Section> sections) {
        return new Meta(null, null, null, null, null, null, null, null);
    }
}
