package tijian.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class PartWordingsTest {

    private static List<PartWording> load(String csv) { return PartWordings.fromCsv(new StringReader(csv)); }

    @Test
    void readsWordingsWithCommentsAndEmptyUnless() {
        List<PartWording> w = load("part,pattern,unless,note\n# a comment\nSHORTCOMINGS,不足,,x\n\nNEXT_YEAR_PLAN,\"工作(思路|打算){1,2}\",成效,\"a, b\"\n");
        assertEquals(2, w.size());
        assertEquals(Part.SHORTCOMINGS, w.get(0).part());
        assertNull(w.get(0).unless());
        assertTrue(w.get(1).matches("工作思路"));
        assertFalse(w.get(1).matches("工作思路及成效"));
    }

    @Test
    void unknownPartNamesTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("part,pattern,unless,note\nSHORTCOMINGS,不足,,\nPART_SIX,其他,,\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("PART_SIX"), e.getMessage());
    }

    @Test
    void badPatternNamesTheLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("part,pattern,unless,note\n# comment\nSHORTCOMINGS,不足(,,\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("pattern"), e.getMessage());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
                () -> load("part,pattern,unless,note\nSHORTCOMINGS,不足,[原因,\n"));
        assertTrue(u.getMessage().contains("line 2") && u.getMessage().contains("unless"), u.getMessage());
    }

    @Test
    void missingPatternOrHeader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("part,pattern,unless,note\nSHORTCOMINGS,,,\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class, () -> load("part,regex\nSHORTCOMINGS,不足\n"));
        assertTrue(h.getMessage().contains("pattern"), h.getMessage());
    }

    @Test
    void projectFileCoversEveryPart() {
        EnumSet<Part> parts = EnumSet.noneOf(Part.class);
        Fixtures.wordings().forEach(w -> parts.add(w.part()));
        assertEquals(EnumSet.allOf(Part.class), parts);
    }
}
