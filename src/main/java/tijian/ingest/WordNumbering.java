package tijian.ingest;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;

/**
 * Renders the labels of Word's automatic numbering ("一、", "（一）", "1.") that are not part of the paragraph text.
 * Counters are kept per abstract numbering definition and level: a paragraph at level L increments L and resets the
 * deeper levels; a w:num with startOverride restarts its level when that num is first used.
 */
final class WordNumbering {

    private final XWPFNumbering numbering;
    private final XWPFStyles styles;
    private final Map<String, int[]> counters = new HashMap<>();
    private final Set<BigInteger> numsSeen = new HashSet<>();

    WordNumbering(XWPFNumbering numbering, XWPFStyles styles) {
        this.numbering = numbering;
        this.styles = styles;
    }

    /** The label of this paragraph, e.g. "一、", or null when it is not numbered. Advances the counters. */
    String label(XWPFParagraph p) {
        if (numbering == null) return null;
        CTNumPr numPr = numPr(p);
        if (numPr == null || numPr.getNumId() == null) return null;
        BigInteger numId = numPr.getNumId().getVal();
        if (numId == null || numId.signum() == 0) return null;
        int ilvl = numPr.getIlvl() != null && numPr.getIlvl().getVal() != null ? numPr.getIlvl().getVal().intValue() : 0;
        if (ilvl < 0 || ilvl > 8) ilvl = 0;

        XWPFNum num = numbering.getNum(numId);
        if (num == null || num.getCTNum() == null) return null;
        CTNum ctNum = num.getCTNum();
        if (ctNum.getAbstractNumId() == null) return null;
        BigInteger absId = ctNum.getAbstractNumId().getVal();
        XWPFAbstractNum abs = numbering.getAbstractNum(absId);
        if (abs == null || abs.getCTAbstractNum() == null) return null;
        CTAbstractNum ctAbs = abs.getCTAbstractNum();

        CTLvl[] levels = new CTLvl[9];
        for (CTLvl l : ctAbs.getLvlArray()) {
            int i = l.getIlvl() == null ? -1 : l.getIlvl().intValue();
            if (i >= 0 && i < 9) levels[i] = l;
        }
        int[] starts = new int[9];
        for (int i = 0; i < 9; i++) starts[i] = start(levels[i]);
        Integer restartLevel = null;
        int restartValue = 0;
        for (CTNumLvl o : ctNum.getLvlOverrideArray()) {
            int i = o.getIlvl() == null ? -1 : o.getIlvl().intValue();
            if (i < 0 || i >= 9) continue;
            if (o.getLvl() != null) {
                levels[i] = o.getLvl();
                starts[i] = start(o.getLvl());
            }
            if (o.getStartOverride() != null && o.getStartOverride().getVal() != null) {
                starts[i] = o.getStartOverride().getVal().intValue();
                if (i == ilvl) {
                    restartLevel = i;
                    restartValue = starts[i];
                }
            }
        }
        CTLvl lvl = levels[ilvl];
        if (lvl == null) return null;

        String key = absId.toString();
        int[] c = counters.computeIfAbsent(key, k -> {
            int[] a = new int[9];
            java.util.Arrays.fill(a, Integer.MIN_VALUE);
            return a;
        });
        boolean firstUseOfNum = numsSeen.add(numId);
        if (firstUseOfNum && restartLevel != null) {
            c[ilvl] = restartValue;
        } else if (c[ilvl] == Integer.MIN_VALUE) {
            c[ilvl] = starts[ilvl];
        } else {
            c[ilvl]++;
        }
        for (int i = ilvl + 1; i < 9; i++) c[i] = Integer.MIN_VALUE;

        String fmt = lvl.getNumFmt() != null && lvl.getNumFmt().getVal() != null ? lvl.getNumFmt().getVal().toString() : "decimal";
        if ("bullet".equals(fmt) || "none".equals(fmt)) return null;
        String text = lvl.getLvlText() != null ? lvl.getLvlText().getVal() : null;
        if (text == null) text = "%" + (ilvl + 1) + ".";
        boolean legal = onOff(lvl.getIsLgl());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '%' && i + 1 < text.length() && text.charAt(i + 1) >= '1' && text.charAt(i + 1) <= '9') {
                int ref = text.charAt(i + 1) - '1';
                int value = c[ref] == Integer.MIN_VALUE ? starts[ref] : c[ref];
                String refFmt = ref == ilvl ? fmt
                        : levels[ref] != null && levels[ref].getNumFmt() != null && levels[ref].getNumFmt().getVal() != null
                            ? levels[ref].getNumFmt().getVal().toString() : "decimal";
                sb.append(NumberFormats.format(value, legal && ref != ilvl ? "decimal" : refFmt));
                i++;
            } else {
                sb.append(ch);
            }
        }
        String label = sb.toString();
        return label.isBlank() ? null : label;
    }

    private static boolean onOff(org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff o) {
        if (o == null) return false;
        Object v = o.getVal();
        if (v == null) return true;
        String s = String.valueOf(v);
        return s.equals("true") || s.equals("1") || s.equals("on");
    }

    private static int start(CTLvl l) {
        return l != null && l.getStart() != null && l.getStart().getVal() != null ? l.getStart().getVal().intValue() : 1;
    }

    /** numPr of the paragraph itself, else of its style (following basedOn). */
    private CTNumPr numPr(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().getPPr();
        if (ppr != null && ppr.getNumPr() != null) return ppr.getNumPr();
        if (styles == null) return null;
        String styleId = p.getStyleID();
        for (int depth = 0; styleId != null && depth < 10; depth++) {
            XWPFStyle st = styles.getStyle(styleId);
            if (st == null || st.getCTStyle() == null) return null;
            CTPPrGeneral sp = st.getCTStyle().getPPr();
            if (sp != null && sp.getNumPr() != null) return sp.getNumPr();
            styleId = st.getCTStyle().getBasedOn() != null ? st.getCTStyle().getBasedOn().getVal() : null;
        }
        return null;
    }

    /**
     * Joins label and text. Chinese labels are written directly before the text ("一、主要举措", "(一)、部分"); a space
     * is only needed where a label and text would otherwise run together: "1." + "2025年" or "A" + "Summary".
     */
    static String join(String label, String text) {
        if (label == null) return text;
        if (text.isEmpty()) return label;
        char last = label.charAt(label.length() - 1);
        char first = text.charAt(0);
        boolean latinLabelEnd = last < 0x80 && (Character.isLetterOrDigit(last) || last == '.');
        boolean latinTextStart = first < 0x80 && Character.isLetterOrDigit(first);
        return latinLabelEnd && latinTextStart ? label + " " + text : label + text;
    }
}
