package tijian.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tijian.report.Fixtures;
import tijian.report.Report;
import tijian.report.UnitNames;
import tijian.testsupport.CopiedReports;
import tijian.testsupport.SampleReports;

/** Copied passages found on reports made from the samples, and boilerplate learnt from the corpus. */
class CopiedPassagesTest {

    private static OtherReport other(String id, String text) {
        Report r = Fixtures.parse(text);
        return new OtherReport(id, UnitNames.normalise(r.getUnit()), r);
    }

    private static OtherReport sample(String name) {
        return other(name, SampleReports.text(name));
    }

    @Test
    void threePastedParagraphsAreFoundWithTheOtherUnitsText() {
        String text = CopiedReports.guanbaWithPastedParagraphs();
        Report pasted = Fixtures.parse(text);
        var result = CopiedPassages.find(IndexedReport.of(pasted),
                PassageCorpus.of(List.of(sample(SampleReports.SHAPINGBA), sample(SampleReports.HAITANGXI))));

        assertEquals(1, result.copies().size(), result.copies().toString());
        CopiedPassages.Copy copy = result.copies().get(0);
        assertEquals("沙坪坝街道", copy.label());
        assertTrue(copy.share() > 0.10 && copy.share() < 0.40, "share " + copy.share());
        String shapingba = SampleReports.text(SampleReports.SHAPINGBA);
        for (String paragraph : CopiedReports.pastedParagraphs()) {
            String sentence = paragraph.substring(paragraph.indexOf('。') + 1, paragraph.indexOf('。', paragraph.indexOf('。') + 1) + 1);
            assertTrue(copy.passages().stream().anyMatch(p -> text.substring(p.getStart(), p.getEnd()).contains(sentence)
                    && p.getQuote().contains(sentence)), sentence + " not in " + copy.passages());
        }
        for (CopiedPassage p : copy.passages()) {
            assertTrue(shapingba.contains(p.getQuote()), "the other quote is 沙坪坝街道's own text: " + p.getQuote());
            assertEquals(SampleReports.SHAPINGBA, p.getCheckId());
        }
        // the first two paragraphs follow each other in both reports: one passage, not one per sentence
        assertTrue(copy.passages().size() <= 3, copy.passages().toString());
        Similarity s = result.similarity();
        assertEquals("沙坪坝街道", s.getUnit());
        assertEquals(copy.passages().size(), s.getPassages().size());
    }

    @Test
    void theHonestSamplesShareNothing() {
        for (String name : SampleReports.ALL) {
            List<OtherReport> others = SampleReports.ALL.stream().filter(n -> !n.equals(name)).map(CopiedPassagesTest::sample).toList();
            var result = CopiedPassages.find(IndexedReport.of(Fixtures.parse(SampleReports.text(name))), PassageCorpus.of(others));
            assertEquals(List.of(), result.copies(), name);
            assertEquals(0, result.similarity().getShare());
        }
    }

    @Test
    void politicalSentencesManyUnitsWriteAreBoilerplateLearntFromTheCorpus() {
        IndexedReport mine = IndexedReport.of(Fixtures.parse(CopiedReports.honestReport("东溪")));
        assertEquals("东溪镇", mine.unitKey());

        // one other unit writing the same political sentences: nothing says they are anyone's, so they count as copied
        var one = CopiedPassages.find(mine, PassageCorpus.of(List.of(other("a", CopiedReports.honestReport("古南")))));
        assertEquals(1, one.copies().size());
        String political = Shingles.normalise(String.join("", CopiedReports.POLITICAL));
        // what is found copied is exactly the political sentences, no more
        assertEquals(political.length(), one.copies().get(0).passages().stream().mapToInt(CopiedPassage::getChars).sum(),
                one.copies().toString());

        // three other units writing them: they are how such reports are written, and this report copied nothing
        var many = CopiedPassages.find(mine, PassageCorpus.of(List.of(other("a", CopiedReports.honestReport("古南")),
                other("b", CopiedReports.honestReport("三角")), other("c", CopiedReports.honestReport("赶水")))));
        assertEquals(List.of(), many.copies());
        assertTrue(many.boilerplate() > 0 && many.countable() > 0, many.toString());
    }

    @Test
    void aReportIsNeverComparedWithItsOwnUnitNorWithItsOwnText() {
        String text = CopiedReports.guanbaWithPastedParagraphs();
        IndexedReport mine = IndexedReport.of(Fixtures.parse(text));
        // 沙坪坝街道's text stored under 关坝镇 (the same unit's report): not another unit's
        Report shapingba = Fixtures.parse(SampleReports.text(SampleReports.SHAPINGBA));
        var sameUnit = CopiedPassages.find(mine, PassageCorpus.of(List.of(new OtherReport("x", "关坝镇", shapingba))));
        assertEquals(List.of(), sameUnit.copies());
        // the same text stored again, whatever unit it was filed under: a re-run, not a copy
        var sameText = CopiedPassages.find(mine, PassageCorpus.of(List.of(new OtherReport("y", "某某街道", Fixtures.parse(text)))));
        assertEquals(List.of(), sameText.copies());
    }

    @Test
    void aReportWithoutARecognisedUnitIsComparedWithAll() {
        String text = CopiedReports.guanbaWithPastedParagraphs().replace("重庆市綦江区关坝镇人民政府", "");
        IndexedReport mine = IndexedReport.of(Fixtures.parse(text));
        List<String> keys = new ArrayList<>();
        CopiedPassages.find(mine, PassageCorpus.of(List.of(sample(SampleReports.SHAPINGBA)))).copies().forEach(c -> keys.add(c.unitKey()));
        assertEquals(List.of("沙坪坝街道"), keys);
    }

    @Test
    void nothingToCompareWithIsNothingCopied() {
        var result = CopiedPassages.find(IndexedReport.of(Fixtures.parse(SampleReports.text(SampleReports.GUANBA))), PassageCorpus.EMPTY);
        assertEquals(List.of(), result.copies());
        assertEquals(null, result.similarity().getUnit());
    }
}
