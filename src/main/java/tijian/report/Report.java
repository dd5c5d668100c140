package tijian.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * One annual report on building rule-of-law government, as the parser understood it. Everything in it points back
 * into {@link #getText()} by character offsets.
 */
public final class Report {
    private final String text;
    private final String title;
    private final Span titleSpan;
    private final String issuer;
    private final String unit;
    private final Integer year;
    private final LocalDate publishedOn;
    private final Span publishedOnSpan;
    private final LocalDate signedOn;
    private final Signature signature;
    private final ReporterKind reporterKind;
    private final List<PersonalData> personalData;
    private final List<Span> sentences;
    private final List<Section> sections;
    private final List<Metric> metrics;
    private final List<Target> targets;
    private final List<Breakdown> breakdowns;
    private final List<Citation> citations;
    private final List<DocumentNumber> documentNumbers;
    private final List<UnpairedMark> unpairedMarks;
    private final List<YearMention> yearMentions;
    private final List<Concreteness> concreteness;

    private Report(Builder b) {
        this.text = Objects.requireNonNull(b.text);
        this.title = b.title;
        this.titleSpan = b.titleSpan;
        this.issuer = b.issuer;
        this.unit = b.unit;
        this.year = b.year;
        this.publishedOn = b.publishedOn;
        this.publishedOnSpan = b.publishedOnSpan;
        this.signedOn = b.signedOn;
        this.signature = b.signature;
        this.reporterKind = ReporterKind.of(b.issuer, b.title);
        this.personalData = List.copyOf(b.personalData);
        this.sentences = List.copyOf(b.sentences);
        this.sections = List.copyOf(b.sections);
        this.metrics = List.copyOf(b.metrics);
        this.targets = List.copyOf(b.targets);
        this.breakdowns = List.copyOf(b.breakdowns);
        this.citations = List.copyOf(b.citations);
        this.documentNumbers = List.copyOf(b.documentNumbers);
        this.unpairedMarks = List.copyOf(b.unpairedMarks);
        this.yearMentions = List.copyOf(b.yearMentions);
        this.concreteness = List.copyOf(b.concreteness);
    }

    public static Builder builder(String text) { return new Builder(text); }

    /** The full text that was checked; every offset counts UTF-16 chars into it. */
    public String getText() { return text; }
    /** "沙坪坝街道党工委、沙坪坝街道办事处关于2025年法治政府建设情况的报告", or null when none was recognised. */
    public String getTitle() { return title; }
    /**
     * Where the title stands, or null. When the unit stands alone on the line before the 关于 line, the span covers
     * both lines (so quoting it shows the line break, while {@link #getTitle()} joins them).
     */
    public Span getTitleSpan() { return titleSpan; }
    /** The issuing body as the title or page names it: "重庆市綦江区关坝镇人民政府". */
    public String getIssuer() { return issuer; }
    /** The unit's short name, stable across years: "关坝镇", "沙坪坝街道". Null when not recognised. */
    public String getUnit() { return unit; }
    /** The year reported on (2025 for 关于2025年…的报告), or null. */
    public Integer getYear() { return year; }
    /** The publication date the page states (发布日期, 成文日期, 日期), or null. */
    public LocalDate getPublishedOn() { return publishedOn; }
    public Span getPublishedOnSpan() { return publishedOnSpan; }
    /** The date written at the end of the report (落款日期), or null. */
    public LocalDate getSignedOn() { return signedOn; }
    /** The signing body and date line at the end of the report, or null when there is no date line. */
    public Signature getSignature() { return signature; }
    /** What kind of body reports (政府部门, 人民政府…), read from the issuer or the title. */
    public ReporterKind getReporterKind() { return reporterKind; }
    /** ID card, mobile and bank card numbers written in the text. */
    public List<PersonalData> getPersonalData() { return personalData; }
    /** Sentences, split at 。！？； and line ends. */
    public List<Span> getSentences() { return sentences; }
    public List<Section> getSections() { return sections; }
    public List<Metric> getMetrics() { return metrics; }
    public List<Target> getTargets() { return targets; }
    public List<Breakdown> getBreakdowns() { return breakdowns; }
    public List<Citation> getCitations() { return citations; }
    public List<DocumentNumber> getDocumentNumbers() { return documentNumbers; }
    public List<UnpairedMark> getUnpairedMarks() { return unpairedMarks; }
    public List<YearMention> getYearMentions() { return yearMentions; }
    /** How concrete each required part found is, then the whole report (part null), when it has any sentence. */
    public List<Concreteness> getConcreteness() { return concreteness; }

    /** The text between two offsets. */
    public String quote(Located where) { return text.substring(where.getStart(), where.getEnd()); }

    /** The section with this index, or null for -1. */
    public Section section(int index) { return index < 0 ? null : sections.get(index); }

    /** The text a section governs, heading excluded. */
    public String body(Section section) { return text.substring(section.getEnd(), section.getBodyEnd()); }

    /** The sentence around an offset. */
    public Span sentenceAt(int offset) {
        int k = TextIndex.sentenceOf(sentences, offset);
        return k >= 0 ? sentences.get(k) : new Span(Math.min(offset, text.length()), Math.min(offset, text.length()));
    }

    /** Every place the regular expression matches, in the whole text. */
    public List<Span> find(String regex) { return find(regex, 0, text.length()); }

    /** Every place the regular expression matches inside a section (heading and body). */
    public List<Span> find(String regex, Section within) { return find(regex, within.getStart(), within.getBodyEnd()); }

    /** Every place the regular expression matches inside a section's body, its heading excluded. */
    public List<Span> findInBody(String regex, Section within) { return find(regex, within.getEnd(), within.getBodyEnd()); }

    /**
     * What the rules have asked {@link #find} so far: several rules ask the same question of the same report (a
     * topic's "mentioned" and "not mentioned" rules, four rules about one list of phrases).
     */
    private final Map<Found, List<Span>> found = new ConcurrentHashMap<>();

    private record Found(String regex, int from, int to) {}

    /** Where each character stands in the text; built on the first {@link #find} of plain words. */
    private volatile TextIndex.CharOffsets offsets;

    private TextIndex.CharOffsets offsets() {
        TextIndex.CharOffsets index = offsets;
        if (index == null) {
            offsets = index = TextIndex.CharOffsets.of(text);
        }
        return index;
    }

    private List<Span> find(String regex, int from, int to) {
        List<Span> spans = found.get(new Found(regex, from, to));
        if (spans == null) {
            spans = search(regex, from, to);
            found.put(new Found(regex, from, to), spans);
        }
        return spans;
    }

    private List<Span> search(String regex, int from, int to) {
        Literals words = Patterns.literals(regex);
        if (words != null) {
            return List.copyOf(words.find(text, from, to, offsets()));
        }
        Matcher m = Patterns.compiled(regex).matcher(Deadline.text(text)).region(from, to);
        List<Span> found = new ArrayList<>();
        while (m.find()) {
            if (m.end() > m.start()) {
                found.add(new Span(m.start(), m.end()));
            }
        }
        return List.copyOf(found);
    }

    /** Collects what the parser found; the parser is the only caller. */
    public static final class Builder {
        private final String text;
        private String title;
        private Span titleSpan;
        private String issuer;
        private String unit;
        private Integer year;
        private LocalDate publishedOn;
        private Span publishedOnSpan;
        private LocalDate signedOn;
        private Signature signature;
        private List<PersonalData> personalData = List.of();
        private List<Span> sentences = List.of();
        private List<Section> sections = List.of();
        private List<Metric> metrics = List.of();
        private List<Target> targets = List.of();
        private List<Breakdown> breakdowns = List.of();
        private List<Citation> citations = List.of();
        private List<DocumentNumber> documentNumbers = List.of();
        private List<UnpairedMark> unpairedMarks = List.of();
        private List<YearMention> yearMentions = List.of();
        private List<Concreteness> concreteness = List.of();

        private Builder(String text) { this.text = text; }

        public Builder title(String title, Span where) { this.title = title; this.titleSpan = where; return this; }
        public Builder issuer(String issuer) { this.issuer = issuer; return this; }
        public Builder unit(String unit) { this.unit = unit; return this; }
        public Builder year(Integer year) { this.year = year; return this; }
        public Builder publishedOn(LocalDate date, Span where) { this.publishedOn = date; this.publishedOnSpan = where; return this; }
        public Builder signedOn(LocalDate date) { this.signedOn = date; return this; }
        public Builder signature(Signature v) { this.signature = v; return this; }
        public Builder personalData(List<PersonalData> v) { this.personalData = v; return this; }
        public Builder sentences(List<Span> v) { this.sentences = v; return this; }
        public Builder sections(List<Section> v) { this.sections = v; return this; }
        public Builder metrics(List<Metric> v) { this.metrics = v; return this; }
        public Builder targets(List<Target> v) { this.targets = v; return this; }
        public Builder breakdowns(List<Breakdown> v) { this.breakdowns = v; return this; }
        public Builder citations(List<Citation> v) { this.citations = v; return this; }
        public Builder documentNumbers(List<DocumentNumber> v) { this.documentNumbers = v; return this; }
        public Builder unpairedMarks(List<UnpairedMark> v) { this.unpairedMarks = v; return this; }
        public Builder yearMentions(List<YearMention> v) { this.yearMentions = v; return this; }
        public Builder concreteness(List<Concreteness> v) { this.concreteness = v; return this; }

        public Report build() { return new Report(this); }
    }
}
