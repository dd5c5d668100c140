package tijian.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Finds marks without a partner in their paragraph (line): “ ” 《 》 （ ） ( ) ‘ ’ 【 】. Pairing uses a stack;
 * （ and ( are one family, so （…) is not reported here. Straight quotes " ' are ignored (they do not say which
 * side they are). When a closing mark meets other open marks above its own partner, those open marks are the
 * unpaired ones ("《纲要（2021》" reports the （). Lines of page chrome ({@link PageChrome}) are left out.
 */
final class Punctuation {
    private static final String OPEN = "“《（(‘【";
    private static final String CLOSE = "”》）)’】";

    private Punctuation() {}

    private static int family(char c) {
        int k = OPEN.indexOf(c);
        if (k < 0) k = CLOSE.indexOf(c);
        return k == 3 ? 2 : k; // ( and （ are one family
    }

    static List<UnpairedMark> unpaired(String text) {
        List<UnpairedMark> out = new ArrayList<>();
        for (Layout.Line line : Layout.lines(text)) {
            Deadline.check();
            // the site's lines are not the report's: an unclosed 【字体:大 中 小 is no defect of the report
            if (line.end() - line.start() <= 200 && PageChrome.isChrome(line.of(text))) continue;
            Deque<Integer> stack = new ArrayDeque<>();
            // open marks on the stack per family: asking the stack itself at every closing mark was quadratic
            int[] openByFamily = new int[OPEN.length()];
            for (int i = line.start(); i < line.end(); i++) {
                char c = text.charAt(i);
                if (OPEN.indexOf(c) >= 0) {
                    stack.push(i);
                    openByFamily[family(c)]++;
                } else if (CLOSE.indexOf(c) >= 0) {
                    int f = family(c);
                    if (openByFamily[f] == 0) {
                        out.add(new UnpairedMark(String.valueOf(c), i));
                        continue;
                    }
                    while (true) {
                        int p = stack.pop();
                        int pf = family(text.charAt(p));
                        openByFamily[pf]--;
                        if (pf == f) break;
                        out.add(new UnpairedMark(String.valueOf(text.charAt(p)), p));
                    }
                }
            }
            for (int p : stack) out.add(new UnpairedMark(String.valueOf(text.charAt(p)), p));
        }
        out.sort(Comparator.comparingInt(UnpairedMark::getStart));
        return out;
    }
}
