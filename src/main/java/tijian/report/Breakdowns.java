package tijian.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Totals with their listed parts: "成功调解矛盾纠纷489件,调解成功率达100%,其中邻里纠纷114件、损害赔偿纠纷96件…".
 *
 * <p>After a cue (其中, 包括, 分别为, 分别是) come two or more consecutive metrics with the same unit, none of them a
 * rate, in the same sentence (no 。！？ between them, only list words and 、，；). The total is the nearest metric
 * before the cue with that unit that is not a rate, at most one sentence end before the cue. A single sub-figure
 * ("检查2800余次,其中查处违法行为4000余起") is not a breakdown.
 */
final class Breakdowns {
    private Breakdowns() {}

    private static final Pattern CUE = Pattern.compile("其中|包括|分别为|分别是|分别有");
    private static final String SENTENCE_END = "。！!？?\n";

    static List<Breakdown> find(String text, List<Metric> metrics) {
        List<Breakdown> out = new ArrayList<>();
        Matcher cue = CUE.matcher(text);
        int consumedUntil = -1;
        // metrics are in text order and cues come in text order: the first metric after a cue only moves forward
        int first = 0;
        while (cue.find()) {
            Deadline.check();
            int c = cue.start();
            if (c < consumedUntil) continue;
            while (first < metrics.size() && metrics.get(first).getEnd() <= cue.end()) first++;
            if (first >= metrics.size()) break;
            Metric head = metrics.get(first);
            if (head.isRate() || hasSentenceEnd(text, cue.end(), head.getStart())
                    || head.getStart() - cue.end() > 40) continue;
            List<Metric> parts = new ArrayList<>();
            parts.add(head);
            for (int k = first + 1; k < metrics.size(); k++) {
                Metric prev = parts.get(parts.size() - 1);
                Metric next = metrics.get(k);
                if (!next.getUnit().equals(head.getUnit()) || next.isRate()) break;
                if (hasSentenceEnd(text, prev.getEnd(), next.getStart())) break;
                parts.add(next);
            }
            if (parts.size() < 2) continue;
            Metric total = null;
            for (int k = first - 1; k >= 0; k--) {
                Metric m = metrics.get(k);
                if (m.getEnd() > c || m.getStart() >= head.getStart()) continue;
                if (countSentenceEnds(text, m.getEnd(), c) > 1) break;
                if (!m.isRate() && m.getUnit().equals(head.getUnit())) { total = m; break; }
            }
            if (total == null) continue;
            out.add(new Breakdown(total, parts));
            consumedUntil = parts.get(parts.size() - 1).getEnd();
        }
        return out;
    }

    private static boolean hasSentenceEnd(String text, int from, int to) {
        return countSentenceEnds(text, from, to) > 0;
    }

    private static int countSentenceEnds(String text, int from, int to) {
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
            if (SENTENCE_END.indexOf(text.charAt(i)) >= 0) n++;
        }
        return n;
    }
}
