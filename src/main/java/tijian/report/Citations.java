package tijian.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Every title in book-title marks: 《法治政府建设实施纲要（2021－2025年）》. Inner 〈…〉 marks are part of the title.
 * An opening 《 without its 》 before the next 《 or the line end is skipped (Punctuation reports it). Empty titles
 * and titles longer than 80 characters are skipped.
 */
final class Citations {
    private Citations() {}

    static final int MAX_LENGTH = 80;

    static List<Citation> extract(String text) {
        List<Citation> out = new ArrayList<>();
        int i = text.indexOf('《');
        while (i >= 0) {
            Deadline.check();
            int close = -1;
            int next = -1;
            for (int k = i + 1; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '》') { close = k; break; }
                if (c == '《') { next = k; break; }
                if (c == '\n' || c == '\r') break;
            }
            if (close >= 0) {
                String title = text.substring(i + 1, close);
                if (!title.isBlank() && title.length() <= MAX_LENGTH) {
                    out.add(new Citation(title, i, close + 1));
                }
                i = text.indexOf('《', close + 1);
            } else {
                i = next >= 0 ? next : text.indexOf('《', i + 1);
            }
        }
        return out;
    }
}
