package tijian.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import tijian.rules.Problem;
import tijian.rules.RuleData;

/** parts.csv as the rule data reads it: every bad row is a problem naming its line, the good rows still count. */
class PartWordingsTest {
    private final List<Problem> problems = new ArrayList<>();

    private List<PartWording> load(String csv) { return RuleData.partWordings(csv, problems); }

    private List<String> where() { return problems.stream().map(p -> p.file() + ":" + p.line()).toList(); }

    @Test
    void readsWordingsWithCommentsAndEmptyUnless() {
        List<PartWording> w = load("part,pattern,unless,note\n# a comment\nSHORTCOMINGS,不足,,x\n\nNEXT_YEAR_PLAN,\"工作(思路|打算){1,2}\",成效,\"a, b\"\n");
        assertEquals(List.of(), problems);
        assertEquals(2, w.size());
        assertEquals(Part.SHORTCOMINGS, w.get(0).part());
        assertNull(w.get(0).unless());
        assertTrue(w.get(1).matches("工作思路"));
        assertFalse(w.get(1).matches("工作思路及成效"));
    }

    @Test
    void unknownPartNamesTheLine() {
        List<PartWording> w = load("part,pattern,unless,note\nSHORTCOMINGS,不足,,\nPART_SIX,其他,,\n");
        assertEquals(1, w.size());
        assertEquals(List.of("data/parts.csv:3"), where());
        assertTrue(problems.get(0).message().contains("PART_SIX"), problems.toString());
    }

    @Test
    void badPatternNamesTheLineAndColumn() {
        load("part,pattern,unless,note\n# comment\nSHORTCOMINGS,不足(,,\nSHORTCOMINGS,不足,[原因,\n");
        assertEquals(List.of("data/parts.csv:3", "data/parts.csv:4"), where());
        assertTrue(problems.get(0).message().contains("pattern"), problems.toString());
        assertTrue(problems.get(1).message().contains("unless"), problems.toString());
    }

    @Test
    void missingPatternOrHeader() {
        load("part,pattern,unless,note\nSHORTCOMINGS,,,\n");
        assertEquals(List.of("data/parts.csv:2"), where());
        problems.clear();
        assertEquals(List.of(), load("part,regex\nSHORTCOMINGS,不足\n"));
        assertTrue(problems.get(0).message().contains("pattern"), problems.toString());
    }

    @Test
    void projectFileCoversEveryPart() {
        EnumSet<Part> parts = EnumSet.noneOf(Part.class);
        Fixtures.wordings().forEach(w -> parts.add(w.part()));
        assertEquals(EnumSet.allOf(Part.class), parts);
    }
}
