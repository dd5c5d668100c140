package tijian.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds every stated count and rate in the report text.
 *
 * <p>A figure is an Arabic number, a Chinese numeral (两次, 五万余人次) or 百分之… followed by a measure word from a
 * closed list ({@link #UNITS}) or by % ‰. Decisions:
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

    /** Measure words, longest first where one is a prefix of another. */
    static final List<String> UNITS = List.of(
            "个百分点", "百分点", "人次", "件次", "场次", "户次", "批次", "个月", "小时", "万元", "亿元", "平方米", "公里",
            "件", "次", "人", "名", "个", "场", "项", "份", "条", "册", "家", "起", "户", "期", "批", "篇",
            "台", "套", "元", "天", "日", "所", "处", "支", "类", "种", "轮", "位", "本", "张", "部", "间",
            "座", "辆", "节", "堂", "组", "队", "宗", "笔", "例", "封", "块", "幅", "首", "周", "村", "栋");

    /** Unit followed by this character is a word, not a unit: 人民, 项目, 条例, 所以. */
    private static final Map<String, String> UNIT_BLOCKERS = Map.ofEntries(
            Map.entry("人", "民员才"), Map.entry("项", "目"), Map.entry("条", "例件款"), Map.entry("所", "以有在属"),
            Map.entry("支", "持付撑部"), Map.entry("起", "来草步诉"), Map.entry("部", "门署分"), Map.entry("期", "间限待望"),
            Map.entry("家", "庭长属乡"), Map.entry("批", "准评示复"), Map.entry("处", "理置罚"), Map.entry("名", "单称义额"),
            Map.entry("节", "点日约"), Map.entry("类", "似型"), Map.entry("种", "类植"), Map.entry("个", "人体性别"),
            Map.entry("场", "所地景"), Map.entry("本", "级地领"), Map.entry("位", "置于"), Map.entry("次", "要数序"),
            Map.entry("件", "事"), Map.entry("例", "如"), Map.entry("组", "织成建"), Map.entry("队", "伍员"),
            Map.entry("村", "民庄级"), Map.entry("张", "贴"), Map.entry("周", "边年末"), Map.entry("日", "常期"),
            Map.entry("天", "然"), Map.entry("元", "旦素"), Map.entry("间", "接"), Map.entry("首", "先要"),
            Map.entry("块", "钱"), Map.entry("轮", "流"));

    private static final String[][] PRE_QUALIFIERS = {
            {"不少于", "AT_LEAST"}, {"不低于", "AT_LEAST"}, {"不小于", "AT_LEAST"}, {"至少", "AT_LEAST"},
            {"不超过", "AT_MOST"}, {"不高于", "AT_MOST"}, {"不多于", "AT_MOST"}, {"不大于", "AT_MOST"},
            {"控制在", "AT_MOST"}, {"低于", "AT_MOST"}, {"少于", "AT_MOST"}, {"小于", "AT_MOST"}, {"不足", "AT_MOST"},
            {"超过", "MORE_THAN"}, {"多于", "MORE_THAN"}, {"高于", "MORE_THAN"}, {"大于", "MORE_THAN"},
            {"逾", "MORE_THAN"},
            {"大约", "ABOUT"}, {"约为", "ABOUT"}, {"将近", "ABOUT"}, {"接近", "ABOUT"}, {"约", "ABOUT"},
            {"近", "ABOUT"}};

    private static final String[][] POST_QUALIFIERS = {
            {"以上", "AT_LEAST"}, {"及以上", "AT_LEAST"}, {"以下", "AT_MOST"}, {"以内", "AT_MOST"},
            {"左右", "ABOUT"}, {"上下", "ABOUT"}};

    /** Cut the label after the last occurrence of these. */
    private static final List<String> CUT_AFTER = List.of(
            "其中", "包括", "分别为", "分别是", "累计", "共计", "合计", "总计", "全年", "以来", "截至目前", "截至", "目前", "今年", "当年");
    /** Strip these from the start of the label. */
    private static final List<String> LEADING = List.of(
            "年度", "年", "月底", "月", "全镇", "全街道", "全区", "全县", "全市", "街道", "本年", "同时", "共有", "共",
            "并", "已", "现有", "另有", "另", "还", "均", "总", "此外", "分别", "先后", "通过", "在", "和", "，", "、");
    /** Strip these from the end of the label. */
    private static final List<String> TRAILING = List.of(
            "保持在", "提升至", "提升到", "提高到", "提高至", "增加到", "增加至", "增长到", "增长至", "下降到",
            "下降至", "降低到", "降低至", "减少到", "减少至", "稳定在", "维持在", "达到了", "分别为", "分别达",
            "均达到", "均为", "均达", "高达", "达到", "保持", "稳定", "维持", "共计", "累计", "总计", "合计",
            "共有", "为", "达", "到", "是", "在", "共", "计", "均", "了", "至");
    /** Fixed expressions whose Chinese numerals are not figures. */
    private static final List<String> FIXED = List.of(
            "三项制度", "一支队伍", "一件事", "一把手", "一案一策", "查一次", "一次性", "一站式", "一起", "一条龙",
            "两个维护", "两个确立", "四个意识", "四个自信", "四个全面", "三会一课", "一规划两纲要", "一张网", "一网通",
            "一盘棋", "一本账", "一张图", "一体化", "一家亲", "一条心", "一张蓝图", "一个中心", "一门式", "一窗",
            "一村一", "一社区一", "一企一", "一事一", "一人一", "一户一", "一校一", "一月一", "一周一", "一季一",
            "一年一", "一次办", "最多跑一次", "一批次", "一名不", "一件不", "一个不");
    /** A lone 一 after these is a word part (统一, 唯一, 作为一项, 每一次), not a count. */
    private static final String ONE_BLOCKERS = "为是每这那同再更进统唯逐之其任单第万某哪另";
    private static final String CLAUSE_END = "，,。；;、！!？?\n\r）)";

    static List<Metric> extract(String text, List<Section> sections, List<Span> sentences) {
        String n = normalize(text);
        List<Metric> out = new ArrayList<>();
        int i = 0;
        int lastEnd = 0;
        Metric prev = null;
        int steps = 0;
        while (i < n.length()) {
            if ((++steps & 1023) == 0) {
                Deadline.check();
            }
            Fig f = null;
            char c = n.charAt(i);
            if (n.startsWith("百分之", i)) {
                f = percentWords(n, i);
            } else if (isAsciiDigit(c)) {
                if (i > 0 && isGlue(n.charAt(i - 1))) {
                    i = skipToken(n, i);
                    continue;
                }
                f = arabic(n, i);
                if (f == null) {
                    i = skipToken(n, i);
                    continue;
                }
            } else if (ChineseNumerals.isNumeralChar(c) && (i == 0 || !ChineseNumerals.isNumeralChar(n.charAt(i - 1)))) {
                f = chinese(n, i);
                if (f == null) {
                    int j = i;
                    while (j < n.length() && ChineseNumerals.isNumeralChar(n.charAt(j))) j++;
                    i = j;
                    continue;
                }
            }
            if (f == null) {
                i++;
                continue;
            }
            Metric m = build(text, n, f, lastEnd, prev, sections, sentences);
            if (m != null) {
                out.add(m);
                prev = m;
                lastEnd = f.end;
            }
            i = Math.max(f.end, i + 1);
        }
        return out;
    }

    /** A figure found at numStart..end before labelling. */
    private static final class Fig {
        int numStart;
        int unitEnd;   // end of number+unit (before trailing qualifiers)
        int end;
        double value;
        String unit = "";
        Bound bound = Bound.EXACT;
    }

    /** Same length as text: full-width digits, ％ ． － folded to ASCII. */
    static String normalize(String text) {
        char[] a = text.toCharArray();
        for (int k = 0; k < a.length; k++) {
            char c = a[k];
            if (c >= '０' && c <= '９') a[k] = (char) ('0' + (c - '０'));
            else if (c == '％') a[k] = '%';
            else if (c == '．') a[k] = '.';
            else if (c == '－') a[k] = '-';
            else if (c == '（') a[k] = '(';
            else if (c == '）') a[k] = ')';
        }
        return new String(a);
    }

    private static boolean isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    /** Characters that glue a number into an identifier, date, phone number or 3·15. */
    private static boolean isGlue(char c) {
        return isAsciiDigit(c) || isAsciiLetter(c) || c == '.' || c == '/' || c == ':' || c == '·' || c == '-'
                || c == '_' || c == '#' || c == '@' || c == '•' || c == '・';
    }

    static boolean isCjk(char c) {
        return (c >= '\u4e00' && c <= '\u9fff') || c == '〇' || (c >= '\u3400' && c <= '\u4dbf');
    }

    private static int skipToken(String n, int i) {
        int j = i;
        while (j < n.length() && (isGlue(n.charAt(j)))) j++;
        return Math.max(j, i + 1);
    }

    private static int number(String n, int i) {
        int j = i;
        while (j < n.length() && isAsciiDigit(n.charAt(j))) j++;
        if (j + 1 < n.length() && n.charAt(j) == '.' && isAsciiDigit(n.charAt(j + 1))) {
            j++;
            while (j < n.length() && isAsciiDigit(n.charAt(j))) j++;
        }
        return j;
    }

    private static Fig arabic(String n, int i) {
        if (i > 0 && n.charAt(i - 1) == '第') return null;
        int j = number(n, i);
        String digits = n.substring(i, j);
        double value = Double.parseDouble(digits);
        boolean range = false;
        int k = j;
        if (k < n.length() && "-—–~～至到".indexOf(n.charAt(k)) >= 0 && k + 1 < n.length()
                && isAsciiDigit(n.charAt(k + 1))) {
            int k2 = number(n, k + 1);
            if (k2 < n.length() && isGlue(n.charAt(k2))) return null;          // 2026-01-28
            double hi = Double.parseDouble(n.substring(k + 1, k2));
            if (hi <= value) return null;
            range = true;
            j = k2;
        }
        if (j < n.length()) {
            char a = n.charAt(j);
            if (isAsciiLetter(a) || a == '/' || a == ':' || a == '·' || a == '_' || a == '・' || a == '•') return null;
            if (a == '.' ) return null;                                         // heading marker 1.
            if (a == '-' && j + 1 < n.length() && isGlue(n.charAt(j + 1))) return null;
        }
        Fig f = new Fig();
        f.numStart = i;
        f.value = value;
        int p = j;
        // 万 亿 千 multipliers (but 万元 / 亿元 are units)
        if (p < n.length() && "万亿千".indexOf(n.charAt(p)) >= 0 && !n.startsWith("万元", p) && !n.startsWith("亿元", p)) {
            char mc = n.charAt(p);
            f.value *= mc == '万' ? 10_000 : mc == '亿' ? 100_000_000 : 1_000;
            p++;
        }
        p = tail(n, p, f);
        if (f.unit.isEmpty()) {
            if (range) return null;
            // bare number: right after a CJK label, right before clause punctuation, not year-like
            if (i == 0 || !isCjk(n.charAt(i - 1))) return null;
            if ("年月日号第届级期版".indexOf(n.charAt(i - 1)) >= 0) return null;
            if (p >= n.length() || CLAUSE_END.indexOf(n.charAt(p)) < 0) return null;
            if (digits.length() > 7) return null;
            if (digits.length() == 4 && value >= 1900 && value <= 2100 && p == j) return null;
        }
        if (range) f.bound = Bound.AT_LEAST;
        // 1月28日 is a date, not 28 days
        if (f.unit.equals("日") && i > 0 && n.charAt(i - 1) == '月') return null;
        f.unitEnd = p;
        f.end = post(n, p, f);
        return f;
    }

    /** 余/多, then the unit. Returns the position after the unit. */
    private static int tail(String n, int p, Fig f) {
        if (p < n.length() && (n.charAt(p) == '余' || n.charAt(p) == '多')) {
            String u = unitAt(n, p + 1);
            if (u != null || (p + 1 < n.length() && CLAUSE_END.indexOf(n.charAt(p + 1)) >= 0)) {
                f.bound = Bound.MORE_THAN;
                p++;
            }
        }
        String u = unitAt(n, p);
        if (u != null) {
            f.unit = u;
            p += u.length();
            // 2台(套)
            if (n.startsWith("(套)", p) || n.startsWith("(个)", p) || n.startsWith("(件)", p)
                    || n.startsWith("(次)", p) || n.startsWith("(人)", p)) {
                p += 3;
            }
            if (p < n.length() && (n.charAt(p) == '余' || n.charAt(p) == '多') && f.bound == Bound.EXACT
                    && !f.unit.equals("%")) {
                // 200人余 (rare)
                if (p + 1 >= n.length() || !isCjk(n.charAt(p + 1)) || n.charAt(p + 1) == '人') {
                    f.bound = Bound.MORE_THAN;
                    p++;
                }
            }
        }
        return p;
    }

    private static String unitAt(String n, int p) {
        if (p >= n.length()) return null;
        char c = n.charAt(p);
        if (c == '%') return "%";
        if (c == '‰') return "‰";
        for (String u : UNITS) {
            if (n.startsWith(u, p)) {
                int after = p + u.length();
                String block = UNIT_BLOCKERS.get(u);
                if (block != null && after < n.length() && block.indexOf(n.charAt(after)) >= 0) {
                    continue;
                }
                return u;
            }
        }
        return null;
    }

    /** Trailing qualifiers 以上 以内 左右. */
    private static int post(String n, int p, Fig f) {
        for (String[] q : POST_QUALIFIERS) {
            if (n.startsWith(q[0], p)) {
                if (f.bound == Bound.EXACT || f.bound == Bound.MORE_THAN) f.bound = Bound.valueOf(q[1]);
                return p + q[0].length();
            }
        }
        return p;
    }

    private static Fig percentWords(String n, int i) {
        int p = i + 3;
        int j = p;
        double v;
        if (j < n.length() && isAsciiDigit(n.charAt(j))) {
            j = number(n, j);
            v = Double.parseDouble(n.substring(p, j));
        } else {
            while (j < n.length() && ChineseNumerals.isNumeralChar(n.charAt(j))) j++;
            if (j == p) return null;
            String run = n.substring(p, j);
            Double d = run.equals("百") ? Double.valueOf(100) : ChineseNumerals.parse(run);   // 百分之百
            if (d == null) return null;
            v = d;
            // 百分之九十五点五
            if (j + 1 < n.length() && n.charAt(j) == '点' && ChineseNumerals.digit(n.charAt(j + 1)) >= 0) {
                int k = j + 1;
                StringBuilder frac = new StringBuilder();
                while (k < n.length() && ChineseNumerals.digit(n.charAt(k)) >= 0) {
                    frac.append(ChineseNumerals.digit(n.charAt(k)));
                    k++;
                }
                v = Double.parseDouble((long) v + "." + frac);
                j = k;
            }
        }
        Fig f = new Fig();
        f.numStart = i;
        f.value = v;
        f.unit = "%";
        f.unitEnd = j;
        f.end = post(n, j, f);
        return f;
    }

    private static Fig chinese(String n, int i) {
        Deadline.check(); // the FIXED look-back below scans far on long texts
        int j = i;
        while (j < n.length() && ChineseNumerals.isNumeralChar(n.charAt(j))) j++;
        String run = n.substring(i, j);
        char first = run.charAt(0);
        if (first != '十' && ChineseNumerals.digit(first) < 0) return null;
        if (first == '零' || first == '〇') return null;
        if (i > 0 && n.charAt(i - 1) == '第') return null;
        if (run.equals("一") && i > 0 && ONE_BLOCKERS.indexOf(n.charAt(i - 1)) >= 0) return null;
        if (insideShortQuote(n, i, j)) return null;
        for (String fx : FIXED) {
            int from = Math.max(0, i - fx.length());
            int k = n.indexOf(fx, from);
            while (k >= 0 && k <= i) {
                if (k + fx.length() > i) return null;
                k = n.indexOf(fx, k + 1);
            }
        }
        Fig f = new Fig();
        f.numStart = i;
        // 五万元: 5 万元
        if (run.length() > 1 && (run.endsWith("万") || run.endsWith("亿")) && j < n.length() && n.charAt(j) == '元') {
            Double d = ChineseNumerals.parse(run.substring(0, run.length() - 1));
            if (d == null) return null;
            f.value = d;
            f.unit = run.endsWith("万") ? "万元" : "亿元";
            f.unitEnd = j + 1;
            f.end = post(n, j + 1, f);
            return f;
        }
        Double d = ChineseNumerals.parse(run);
        if (d == null) return null;
        f.value = d;
        int p = tail(n, j, f);
        if (f.unit.isEmpty()) return null;
        f.unitEnd = p;
        f.end = post(n, p, f);
        return f;
    }

    /** True when i..j sits inside a short “…” pair: a slogan such as “一案一策”. */
    private static boolean insideShortQuote(String n, int i, int j) {
        int open = -1;
        for (int k = i - 1; k >= Math.max(0, i - 15); k--) {
            char c = n.charAt(k);
            if (c == '”' || c == '\n' || c == '。') break;
            if (c == '“') { open = k; break; }
        }
        if (open < 0) return false;
        for (int k = j; k < Math.min(n.length(), j + 15); k++) {
            char c = n.charAt(k);
            if (c == '“' || c == '\n' || c == '。') return false;
            if (c == '”') return true;
        }
        return false;
    }

    /** Words ending in a character that {@link #TRAILING} would otherwise strip: 行为, 存在, 统计. */
    private static final List<String> KEEP_WORDS = List.of(
            "行为", "作为", "成为", "认为", "因为", "称为", "存在", "所在", "现在", "实在", "统计", "会计", "设计",
            "审计", "估计", "收到", "受到", "得到", "报到", "遇到", "做到", "截至", "直至", "乃至", "甚至",
            "为了", "除了", "总是", "但是", "还是", "就是", "只是", "或是", "凡是");

    private static boolean endsWithWord(String label) {
        for (String w : KEEP_WORDS) if (label.endsWith(w)) return true;
        return false;
    }

    private static Metric build(String text, String n, Fig f, int lastEnd, Metric prev,
                                List<Section> sections, List<Span> sentences) {
        int labelEnd = f.numStart;
        // qualifiers right before the number
        for (String[] q : PRE_QUALIFIERS) {
            if (labelEnd - q[0].length() >= lastEnd && n.startsWith(q[0], labelEnd - q[0].length())) {
                if (f.bound == Bound.EXACT || f.bound == Bound.MORE_THAN && !q[1].equals("ABOUT")) {
                    f.bound = Bound.valueOf(q[1]);
                }
                labelEnd -= q[0].length();
                break;
            }
        }
        int qualStart = labelEnd;
        int k = labelEnd;
        while (k > lastEnd) {
            char c = n.charAt(k - 1);
            if (isCjk(c) || c == '“' || c == '”' || c == '"') k--;
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
        for (String cut : CUT_AFTER) {
            int at = label.lastIndexOf(cut);
            if (at >= 0) {
                labelStart += at + cut.length();
                label = label.substring(at + cut.length());
            }
        }
        boolean changed = true;
        while (changed && !label.isEmpty()) {
            changed = false;
            for (String lead : LEADING) {
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
            for (String trail : TRAILING) {
                if (label.endsWith(trail) && label.length() > trail.length() && !endsWithWord(label)) {
                    label = label.substring(0, label.length() - trail.length());
                    changed = true;
                    break;
                }
            }
            for (String[] q : PRE_QUALIFIERS) {
                if (q[0].length() > 1 && label.endsWith(q[0])) {
                    if (f.bound == Bound.EXACT) f.bound = Bound.valueOf(q[1]);
                    label = label.substring(0, label.length() - q[0].length());
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
            if (prev != null && prev.getEnd() <= qualStart
                    && n.substring(prev.getEnd(), qualStart).matches("[、，,和及与\\s]*")) {
                label = prev.getLabel();
            } else {
                int q = f.end;
                while (q < n.length() && isCjk(n.charAt(q)) && q - f.end < 12) q++;
                label = n.substring(f.end, q);
            }
        }
        int end = f.end;
        String raw = text.substring(start, end);
        return new Metric(label, f.value, f.unit, f.bound, raw, start, end,
                sectionOf(sections, start, end), sentenceOf(sentences, start));
    }

    /** Index of the innermost section whose heading-plus-body contains [start, end), or -1. */
    static int sectionOf(List<Section> sections, int start, int end) {
        Section best = null;
        for (Section s : sections) {
            if (s.getStart() <= start && end <= s.getBodyEnd()) {
                if (best == null || s.getStart() > best.getStart()
                        || s.getStart() == best.getStart() && s.getLevel() > best.getLevel()) {
                    best = s;
                }
            }
        }
        return best == null ? -1 : best.getIndex();
    }

    /** Index of the sentence containing offset, or -1. */
    static int sentenceOf(List<Span> sentences, int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = sentences.get(mid);
            if (offset < s.getStart()) hi = mid - 1;
            else if (offset >= s.getEnd()) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
