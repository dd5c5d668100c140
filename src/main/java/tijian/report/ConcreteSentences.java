package tijian.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which sentences of a report state a concrete fact, and measures each required part and the whole report
 * ({@link Concreteness}). The facts the parser already found are reused: a sentence holding a {@link Metric},
 * {@link Citation}, {@link DocumentNumber} or {@link YearMention} is concrete. The sentence text adds what they leave
 * out: any written digit (12345热线, 3·15), a date in words (十月一日), and a named place or body (广州市天河区, 石门乡,
 * 区人民法院, 司法所).
 *
 * <p>Place names are found without a gazetteer: some Han characters before 省/市/区/县/镇/乡/街道, unless the character
 * right before that word makes it a common noun (全区, 辖区, 社区, 城乡, 下乡, 市场) or a verb's object (贯彻市委).
 * The report's own places (those in its issuer, 重庆市綦江区关坝镇) do not count: "关坝镇坚持以……为指导" says nothing
 * concrete.
 */
final class ConcreteSentences {
    private ConcreteSentences() {}

    /** At most this many emptiest paragraphs are kept as evidence: enough to show the pattern, not the whole part. */
    static final int EMPTIEST = 3;

    private static final Pattern DIGIT = Pattern.compile("[0-9０-９]");
    private static final Pattern DATE_IN_WORDS = Pattern.compile("[〇一二三四五六七八九十]{1,3}月[〇一二三四五六七八九十]{1,3}日");
    /**
     * Bodies that are named counterparts whatever stands before them, and any 某某局 (区司法局, 市场监管局) that is not
     * 大局, 格局, 布局, 全局, 局面.
     */
    private static final Pattern BODY = Pattern.compile(
            "法院|人民法庭|检察院|司法所|派出所|律师事务所|公证处|仲裁委|人大常委会|纪委监委|信访办|政法委|综合行政执法大队"
                    + "|市场监管所|法律援助中心|公共法律服务中心|公共法律服务站|\\p{IsHan}(?<![大格布结当开全时变战])局(?![面限部势])");
    /**
     * Characters that, right before 省/市/区/县/镇/乡/街道, make the word common (全区, 各镇, 辖区, 城市, 下乡, 省市区,
     * 示范区, 误区, 山区) or show a verb before it rather than a name (贯彻市委, 落实区委).
     */
    private static final String COMMON_BEFORE = "全本各我该辖其此每城社园景小片校农地郊山下进入到在于和与及对向的"
            + "市乡区县镇村省上超集夜股范街厂矿灾老牧库军误禁盲专分学病险控重古家故返同异他回扫洁彻实合助";
    /** A place word, with what must not follow it to stay a place (市场, 区域, 乡村, 镇村干部, 省级). */
    private static final String SUFFIX = "(?:省(?![级份市略去钱时力心])|自治区|市(?![场民容级域面值区县])|自治州|自治县"
            + "|区(?![域别分间块县级隔])|县(?![域级区乡镇])|镇(?![村街])|乡(?![村镇土亲贤风愁音])|街道)";
    /** A place's name: two to four characters, the last not one that makes the place word common. */
    private static final String NAME = "\\p{IsHan}{2,4}?(?<![" + COMMON_BEFORE + "])";
    /**
     * A place, told from a verb and its object (坚持街道领导, 组织街道干部) by what surrounds it, since names cannot be
     * told by their characters: a chain of places (广东省广州市, 重庆市南岸区); a place after a preposition (在石门乡,
     * 与天河区); a place whose government or body follows (綦江区人民政府, 南岸区司法局). Group "last" is the last
     * place word with two characters before it, which is what the reporter's own places are matched by.
     */
    private static final Pattern PLACE = Pattern.compile(
            "\\p{IsHan}{2,4}?(?:省|自治区|市)(?<last>" + NAME + SUFFIX + ")"
                    + "|(?<=[在赴到与和同向从至及])(?<prep>" + NAME + SUFFIX + ")"
                    + "|(?<body>" + NAME + SUFFIX + ")(?=人民政府|政府|党委|党工委|人大|政协|法院|检察院|\\p{IsHan}{0,6}?局)");
    static List<Concreteness> measure(String text, List<Span> sentences, List<Section> sections, List<Metric> metrics,
                                      List<Citation> citations, List<DocumentNumber> numbers,
                                      List<YearMention> years, Span titleSpan, String issuer) {
        int from = titleSpan == null ? Layout.firstReportLine(text) : titleSpan.getEnd();
        int to = Layout.contentEnd(text, from);
        boolean[] concrete = new boolean[sentences.size()];
        for (Metric m : metrics) {
            if (m.getSentence() >= 0 && m.getSentence() < concrete.length) concrete[m.getSentence()] = true;
        }
        List<Located> found = new ArrayList<>(citations);
        found.addAll(numbers);
        found.addAll(years);
        for (Located f : found) {
            int k = TextIndex.sentenceOf(sentences, f.getStart());
            if (k >= 0) concrete[k] = true;
        }

        List<Section> headings = sections.stream().filter(s -> s.getStyle() != HeadingStyle.INLINE).toList();
        List<Counted> counted = new ArrayList<>();
        List<Layout.Line> lines = Layout.lines(text);
        int k = 0;
        for (int l = 0; l < lines.size(); l++) {
            Layout.Line line = Layout.trim(text, lines.get(l));
            while (k < sentences.size() && sentences.get(k).getStart() < line.start()) k++;
            if (line.start() >= line.end() || line.start() < from || line.end() > to
                    || PageChrome.isChrome(text.substring(line.start(), line.end()))) {
                continue;
            }
            for (int j = k; j < sentences.size() && sentences.get(j).getStart() < line.end(); j++) {
                Deadline.check();
                Span s = sentences.get(j);
                if (inHeading(headings, s.getStart())) continue;
                boolean c = concrete[j] || statesFact(text.substring(s.getStart(), s.getEnd()), issuer);
                counted.add(new Counted(s, l, c));
            }
        }

        List<Concreteness> out = new ArrayList<>();
        // by sentence, not by line: a report that lost its line breaks has parts that start inside a line
        outermost(sections).forEach((part, within) -> {
            List<Counted> in = counted.stream()
                    .filter(c -> within.stream().anyMatch(s -> c.span.getStart() >= s.getStart()
                            && c.span.getStart() < s.getBodyEnd()))
                    .toList();
            if (!in.isEmpty()) out.add(of(part, in, within.get(0).getStart(), within.get(0).getEnd()));
        });
        if (!counted.isEmpty()) {
            Span first = counted.get(0).span;
            out.add(of(null, counted, first.getStart(), first.getEnd()));
        }
        return out;
    }

    /** True when the sentence's own words hold a figure, a date, or a place or body other than the reporter's. */
    static boolean statesFact(String sentence, String issuer) {
        if (DIGIT.matcher(sentence).find() || DATE_IN_WORDS.matcher(sentence).find() || BODY.matcher(sentence).find()) {
            return true;
        }
        Matcher m = PLACE.matcher(sentence);
        while (m.find()) {
            String place = m.group("last") != null ? m.group("last") : m.group("prep") != null ? m.group("prep") : m.group("body");
            String key = place.substring(Math.max(0, place.length() - 2 - suffixLength(place)));
            if (issuer == null || !issuer.contains(key)) return true;
        }
        return false;
    }

    private static int suffixLength(String place) {
        return place.endsWith("街道") || place.endsWith("自治区") || place.endsWith("自治州") || place.endsWith("自治县")
                ? (place.endsWith("街道") ? 2 : 3) : 1;
    }

    private static Concreteness of(Part part, List<Counted> in, int start, int end) {
        int concrete = (int) in.stream().filter(c -> c.concrete).count();
        // a paragraph here is what of one line the measured text holds, from its first to its last counted sentence
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Counted c : in) {
            Paragraph last = paragraphs.isEmpty() ? null : paragraphs.get(paragraphs.size() - 1);
            if (last == null || last.line != c.line) {
                last = new Paragraph(c.line, c.span.getStart());
                paragraphs.add(last);
            }
            last.add(c);
        }
        List<Span> emptiest = paragraphs.stream()
                .filter(p -> 2 * p.empty() >= p.sentences && p.empty() > 0)
                .sorted(Comparator.comparingDouble(Paragraph::emptyShare).reversed()
                        .thenComparing(Comparator.comparingInt(Paragraph::empty).reversed())
                        .thenComparingInt(p -> p.start))
                .limit(EMPTIEST)
                .map(p -> new Span(p.start, p.end))
                .sorted(Comparator.comparingInt(Span::getStart))
                .toList();
        return new Concreteness(part, in.size(), concrete, emptiest, start, end);
    }

    /** Each part's outermost sections ({@link PartSection}) in text order; parts in the order of {@link Part}. */
    private static Map<Part, List<Section>> outermost(List<Section> sections) {
        Map<Part, List<Section>> out = new EnumMap<>(Part.class);
        PartSection.of(sections).forEach(ps -> out.computeIfAbsent(ps.getPart(), x -> new ArrayList<>()).add(ps.getSection()));
        return out;
    }

    /** True when the offset lies in the heading (marker and title) of a numbered, non-inline section. */
    private static boolean inHeading(List<Section> headings, int offset) {
        int lo = 0;
        int hi = headings.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Section h = headings.get(mid);
            if (offset < h.getStart()) hi = mid - 1;
            else if (offset >= h.getEnd()) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /** A sentence that is counted: where it stands, on which line, and whether it states a fact. */
    private record Counted(Span span, int line, boolean concrete) {}

    /** The counted sentences of one line (within what is measured). */
    private static final class Paragraph {
        final int line;
        final int start;
        int end;
        int sentences;
        int concrete;

        Paragraph(int line, int start) {
            this.line = line;
            this.start = start;
        }

        void add(Counted c) {
            sentences++;
            if (c.concrete()) concrete++;
            end = c.span().getEnd();
        }

        int empty() { return sentences - concrete; }
        double emptyShare() { return (double) empty() / sentences; }
    }
}
