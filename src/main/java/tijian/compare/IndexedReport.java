package tijian.compare;

import java.util.ArrayList;
import java.util.List;

import tijian.report.HeadingStyle;
import tijian.report.Located;
import tijian.report.Report;
import tijian.report.UnitNames;

/**
 * A report as the copy finder sees it: its sentences long enough to mean something, each normalised and summarised
 * by its band hashes, and the key of the unit it belongs to. What the passage index stores is made from this, and a
 * stored report is read back into it (its text and sentence offsets) to compare the checks of an audit.
 */
public record IndexedReport(String text, String unitKey, String fingerprint, List<Sentence> sentences) {

    /**
     * Sentences shorter than this (letters and digits, after normalising) are left out: a heading or a slogan of a
     * few words says nothing about copying, and is the same in many reports by nature.
     */
    public static final int MIN_CHARS = 15;

    /** A sentence of the report: where it stands, its normalised text and its band hashes. */
    public record Sentence(int start, int end, String normalised, long[] bands) {}

    /**
     * A report by its parsed unit; a report whose unit was not recognised is keyed by its text instead, so that it is
     * compared with every unit, while a second copy of the same text still counts as the same "unit".
     */
    public static IndexedReport of(Report report) {
        return of(report.getText(), UnitNames.normalise(report.getUnit()), prose(report));
    }

    /**
     * The report's sentences without its title and headings: every report has the prescribed parts under nearly the
     * same headings (一、2025年推进法治政府建设的主要举措和成效), which is the form asked for, not copying.
     */
    static List<Located> prose(Report report) {
        // An inline 一是…。 opens a paragraph with what it is about: that is prose, and copied with it.
        List<Located> headings = new ArrayList<>(report.getSections().stream().filter(s -> s.getStyle() != HeadingStyle.INLINE).toList());
        if (report.getTitleSpan() != null) {
            headings.add(report.getTitleSpan());
        }
        List<Located> prose = new ArrayList<>();
        for (Located s : report.getSentences()) {
            if (headings.stream().noneMatch(h -> h.getStart() < s.getEnd() && s.getStart() < h.getEnd())) {
                prose.add(s);
            }
        }
        return prose;
    }

    /** {@code unitKey} null: the report belongs to no recognised unit. */
    public static IndexedReport of(String text, String unitKey, List<? extends Located> sentences) {
        String fingerprint = Shingles.fingerprint(text);
        List<Sentence> kept = new ArrayList<>();
        for (Located s : sentences) {
            if (s.getStart() < 0 || s.getEnd() > text.length() || s.getStart() >= s.getEnd()) {
                continue;
            }
            String normalised = Shingles.normalise(text.subSequence(s.getStart(), s.getEnd()));
            if (normalised.codePointCount(0, normalised.length()) >= MIN_CHARS) {
                kept.add(new Sentence(s.getStart(), s.getEnd(), normalised, Shingles.bands(normalised)));
            }
        }
        return new IndexedReport(text, unitKey == null || unitKey.isBlank() ? "#" + fingerprint : unitKey, fingerprint,
                List.copyOf(kept));
    }
}
