package tijian.report;

import java.util.List;

/**
 * Turns report text into a {@link Report}. Runs under the current {@link Deadline}: its scanners check it in their
 * loops and stop with {@link Deadline.Exceeded}. Plain Java, no rule engine: the parts vocabulary comes from the active
 * rule set's data files so that rule authors decide which wordings name which part.
 */
public final class ReportParser {
    private final List<PartWording> partWordings;

    public ReportParser(List<PartWording> partWordings) {
        this.partWordings = List.copyOf(partWordings);
    }

    public Report parse(String text) {
        return PageChrome.classifyingOnce(() -> parseOnce(text));
    }

    private Report parseOnce(String text) {
        Deadline.check();
        Report.Builder report = Report.builder(text);
        List<Span> sentences = Sentences.split(text);
        Deadline.check();
        List<Section> sections = new HeadingParser(partWordings).parse(text);
        Deadline.check();
        Meta meta = Meta.extract(text, sections);
        Deadline.check();
        List<Metric> metrics = MetricExtractor.extract(text, sections, sentences);
        Deadline.check();
        List<Citation> citations = Citations.extract(text);
        List<DocumentNumber> documentNumbers = DocumentNumbers.extract(text);
        List<YearMention> yearMentions = YearMentions.extract(text, sections, meta.titleSpan());
        Deadline.check();
        report.title(meta.title(), meta.titleSpan())
                .issuer(meta.issuer())
                .unit(meta.unit())
                .year(meta.year())
                .publishedOn(meta.publishedOn(), meta.publishedOnSpan())
                .signedOn(meta.signedOn())
                .signature(Signature.find(text, sections, meta.titleSpan() == null ? 0 : meta.titleSpan().getEnd()))
                .personalData(PersonalData.find(text))
                .sentences(sentences)
                .sections(sections)
                .metrics(metrics)
                .targets(Targets.extract(text, sections, metrics))
                .breakdowns(Breakdowns.find(text, metrics))
                .citations(citations)
                .documentNumbers(documentNumbers)
                .unpairedMarks(Punctuation.unpaired(text))
                .yearMentions(yearMentions)
                .concreteness(ConcreteSentences.measure(text, sentences, sections, metrics, citations, documentNumbers,
                        yearMentions, meta.titleSpan(), meta.issuer()));
        Deadline.check();
        return report.build();
    }
}
