package tijian.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every stated count and rate in the report text.
 *
 * <p>A figure is an Arabic number, a Chinese numeral (两次, 五万余人次) or 百分之… followed by a measure word from a
 * closed list ({@link MetricLexicon}, read from {@code metric-lexicon.txt}) or by % ‰. Decisions:
 * <ul>
 *   <li>Ranges "1-2项", "3至5次": value is the lower end, comparator {@link Bound#AT_LEAST}, raw keeps the range.</li>
 *   <li>Bare Arabic numbers without a unit ("信访件22,") are kept with unit "" only when they stand right after a CJK
 *       label and right before clause punctuation, and are not year-like (1900–2100). Chinese numerals always need
 *       a unit.</li>
 *   <li>Not figures: anything glued to letters, '/', ':', '·' or '-' tokens (索引号, dates, phones, 3·15, ICP),
 *       numbers followed by 年/月/号/届/级 (not units), 月…日 dates, heading markers "1.", ordinals after 第,
 *       Chinese numerals inside short quoted slogans (“一案一策”, “综合查一次”) or fixed expressions (三项制度,
 *       一把手, 一起…).</li>
 *   <li>Label: the CJK words before the figure in the same clause (quotes allowed inside), cut at punctuation and
 *       at the previous figure, stripped of leading fillers (全年, 共, 其中, 累计, 街道…) and trailing links or
 *       qualifiers (达, 为, 保持在, 提升至, 不少于…). An empty label after 、 inherits the previous figure's label
 *       (来访登记32件次、40人次); otherwise it falls back to the words right after the unit (14名执法人员…).</li>
 *   <li>Offsets: start is the start of the (stripped) label when the label stands before the figure, else the
 *       qualifier or number; end is past the unit and any trailing 以上/以内/左右. raw = text[start, end).</li>
 * </ul>
 */
final class MetricExtractor {
    private MetricExtractor() {}

    static List<Metric> extract(String text, List<Section> sections, List<Span> sentences) {
        String n = FigureScanner.normalize(text);
        TextIndex index = new TextIndex(sections, sentences);
        FigureScanner figures = new FigureScanner(n);
        List<Metric> out = new ArrayList<>();
        int lastEnd = 0;
        Metric prev = null;
        for (FigureScanner.Fig f = figures.next(); f != null; f = figures.next()) {
            Metric m = MetricLabels.build(text, n, f, lastEnd, prev, index);
            out.add(m);
            prev = m;
            lastEnd = f.end;
        }
        return out;
    }
}
