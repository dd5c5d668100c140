package tijian.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences at 。！？；!?; and at line ends. A closing quote or bracket right after the end mark
 * (。” or ？）) stays with its sentence. Sentences are trimmed of surrounding white space; empty ones are dropped.
 */
final class Sentences {
    private static final String ENDS = "。！？；!?;";
    private static final String CLOSERS = "”’）)」』】》";

    private Sentences() {}

    static List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            if ((i & 4095) == 0) {
                Deadline.check();
            }
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(text, start, i, out);
                start = i + 1;
                i++;
            } else if (ENDS.indexOf(c) >= 0) {
                int e = i + 1;
                while (e < n && (ENDS.indexOf(text.charAt(e)) >= 0 || CLOSERS.indexOf(text.charAt(e)) >= 0)) e++;
                add(text, start, e, out);
                start = e;
                i = e;
            } else {
                i++;
            }
        }
        add(text, start, n, out);
        return out;
    }

    private static void add(String text, int s, int e, List<Span> out) {
        while (s < e && Layout.isSpace(text.charAt(s))) s++;
        while (e > s && Layout.isSpace(text.charAt(e - 1))) e--;
        if (e > s) out.add(new Span(s, e));
    }
}
