package tijian.report;

import tijian.report.FigureScanner.Fig;

/**
 * Names a figure: the CJK words before it in the same clause, trimmed of fillers and links, or — when none are
 * left — the previous figure's label (after 、) or the words after the unit. Also reads the qualifier right before
 * the number (不少于, 约), which sets the figure's bound and moves where its span starts.
 */
final class MetricLabels {
    private static final MetricLexicon WORDS = MetricLexicon.WORDS;

    private MetricLabels() {}

    static Metric build(String text, String n, Fig f, int lastEnd, Metric prev, TextIndex index) {
        int labelEnd = f.numStart;
        // qualifiers right before the number
        for (MetricLexicon.Qualifier q : WORDS.preQualifiers) {
            String w = q.word();
            if (labelEnd - w.length() >= lastEnd && n.startsWith(w, labelEnd - w.length())) {
                if (f.bound == Bound.EXACT || f.bound == Bound.MORE_THAN && q.bound() != Bound.ABOUT) {
                    f.bound = q.bound();
                }
                labelEnd -= w.length();
                break;
            }
        }
        int qualStart = labelEnd;
        int k = labelEnd;
        while (k > lastEnd) {
            char c = n.charAt(k - 1);
            if (FigureScanner.isCjk(c) || c == '“' || c == '”' || c == '"') k--;
            else break;
        }
        String label = n.substring(k, labelEnd);
        int labelStart = k;
        // quotes: drop everything up to an unmatched closing quote, or after an unmatched opening one
        int close = -1;
        int depth = 0;
        for (int q = 0; q < label.length(); q++) {
            char c = label.charAt(q);
            if (c == '“') depth++;
            else if (c == '”') {
                if (depth == 0) close = q; else depth--;
            }
        }
        if (close >= 0) {
            labelStart += close + 1;
            label = label.substring(close + 1);
        }
        int lastOpen = label.lastIndexOf('“');
        if (lastOpen >= 0 && label.indexOf('”', lastOpen) < 0) {
            labelStart += lastOpen + 1;
            label = label.substring(lastOpen + 1);
        }
        // fillers
        for (String cut : WORDS.cutAfter) {
            int at = label.lastIndexOf(cut);
            if (at >= 0) {
                labelStart += at + cut.length();
                label = label.substring(at + cut.length());
            }
        }
        boolean changed = true;
        while (changed && !label.isEmpty()) {
            changed = false;
            for (String lead : WORDS.leading) {
                if (label.startsWith(lead) && label.length() > lead.length()) {
                    if (lead.equals("共") && "享同建治商产识青".indexOf(label.charAt(1)) >= 0) continue;
                    if (lead.equals("在") && "线职岗编校建办册押案".indexOf(label.charAt(1)) >= 0) continue;
                    if (lead.equals("总") && "体结队书".indexOf(label.charAt(1)) >= 0) continue;
                    if (lead.equals("年") && "度终底初".indexOf(label.charAt(1)) >= 0) continue;
                    labelStart += lead.length();
                    label = label.substring(lead.length());
                    changed = true;
                    break;
                }
            }
            for (String trail : WORDS.trailing) {
                if (label.endsWith(trail) && label.length() > trail.length() && !endsWithWord(label)) {
                    label = label.substring(0, label.length() - trail.length());
                    changed = true;
                    break;
                }
            }
            for (MetricLexicon.Qualifier q : WORDS.preQualifiers) {
                String w = q.word();
                if (w.length() > 1 && label.endsWith(w)) {
                    if (f.bound == Bound.EXACT) f.bound = q.bound();
                    label = label.substring(0, label.length() - w.length());
                    changed = true;
                    break;
                }
            }
        }
        while (!label.isEmpty() && (label.charAt(0) == '”' || label.charAt(0) == '"')) {
            label = label.substring(1);
            labelStart++;
        }
        if (label.length() > 16) {
            labelStart += label.length() - 16;
            label = label.substring(label.length() - 16);
            // the cut may leave a dangling closing quote: 助老”“法治惠企”等…
            int open = label.indexOf('“');
            int closing = label.indexOf('”');
            if (closing >= 0 && (open < 0 || closing < open)) {
                int cut = open < 0 ? closing + 1 : open;
                labelStart += cut;
                label = label.substring(cut);
            }
        }
        int start = label.isEmpty() ? qualStart : labelStart;
        if (label.isEmpty()) {
            if (prev != null && prev.getEnd() <= qualStart && onlyListWords(n, prev.getEnd(), qualStart)) {
                label = prev.getLabel();
            } else {
                int q = f.end;
                while (q < n.length() && FigureScanner.isCjk(n.charAt(q)) && q - f.end < 12) q++;
                label = n.substring(f.end, q);
            }
        }
        int end = f.end;
        String raw = text.substring(start, end);
        return new Metric(label, f.value, f.unit, f.bound, raw, start, end, index.sectionOf(start, end),
                index.sentenceOf(start));
    }

    /** 来访登记32件次、40人次: only 、，和及与 or spaces between the previous figure and this one. */
    private static boolean onlyListWords(String n, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = n.charAt(k);
            if ("、，,和及与".indexOf(c) < 0 && !isRegexSpace(c)) return false;
        }
        return true;
    }

    /** What {@code \s} matched here before: ASCII white space only. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Words ending in a character that the trailing list would otherwise strip: 行为, 存在, 统计. */
    private static boolean endsWithWord(String label) {
        for (String w : WORDS.keepWords) if (label.endsWith(w)) return true;
        return false;
    }
}
