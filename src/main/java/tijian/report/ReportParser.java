package tijian.report;

import java.util.List;

/**
 * Turns report text into a {@link Report}. Plain Java, no rule engine: the parts vocabulary comes from the active
 * rule set's data files so that rule authors decide which wordings name which part.
 */
public final class ReportParser {
    private final List<PartWording> partWordings;

    public ReportParser(List<PartWording> partWordings) {
        this.partWordings = List.copyOf(partWordings);
    }

    public Report parse(String text) {
        Report.Builder report = Report.builder(text);
        List<Span> sentences = Sentences.split(text);
        List<Section> sections = new HeadingParser(partWordings).parse(text);
        Meta meta = Meta.extract(text, sections);
        List<Metric> metrics = MetricExtractor.extract(text, sections, sentences);
        report.title(meta.title(), meta.titleSpan())
                .issuer(meta.issuer())
                .unit(meta.unit())
                .year(meta.year())
                .publishedOn(meta.publishedOn(), meta.publishedOnSpan())
                .signedOn(meta.signedOn())
                .sentences(sentences)
                .sections(sections)
                .metrics(metrics)
                .targets(Targets.extract(text, sections, metrics))
                .breakdowns(Breakdowns.find(text, metrics))
                .citations(Citations.extract(text))
                .documentNumbers(DocumentNumbers.extract(text))
                .unpairedMarks(Punctuation.unpaired(text))
                .yearMentions(YearMentions.extract(text, sections, meta.titleSpan()));
        return report.build();
    }
}
