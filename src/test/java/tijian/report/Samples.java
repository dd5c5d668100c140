package tijian.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helpers: a crude sentence splitter and top-level heading finder so the figures
 * code can be exercised without the (separately written) Sentences and HeadingParser.
 */
final class Samples {
    private Samples() {}

    /** Sentences end after 。！？ or a line break. */
    static List<Span> sentences(String text) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '\n') {
                if (i + 1 > start) out.add(new Span(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(new Span(start, text.length()));
        return out;
    }

    private static final Pattern TOP = Pattern.compile("(?m)^[ \\t\\u3000]*([一二三四五六七八九十]+)、([^\\n]*)");

    /** Top-level 一、 headings at line starts; part 4 recognised by a few plan wordings. */
    static List<Section> topSections(String text) {
        Matcher m = TOP.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end()});
            heads.add(new String[] {m.group(1) + "、", m.group(2)});
        }
        List<Section> out = new ArrayList<>();
        for (int k = 0; k < spans.size(); k++) {
            int bodyEnd = k + 1 < spans.size() ? spans.get(k + 1)[0] : text.length();
            String title = heads.get(k)[1];
            Set<Part> parts = EnumSet.noneOf(Part.class);
            if (title.matches(".*(工作思路|工作打算|工作计划|主要安排|目标举措|目标和举措).*")) parts.add(Part.NEXT_YEAR_PLAN);
            out.add(new Section(k, HeadingStyle.CHINESE, heads.get(k)[0], k + 1, title, spans.get(k)[0],
                    spans.get(k)[1], bodyEnd, -1, true, parts, List.of()));
        }
        return out;
    }

    static List<Metric> metrics(String text) {
        return MetricExtractor.extract(text, topSections(text), sentences(text));
    }
}
