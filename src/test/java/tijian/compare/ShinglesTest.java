package tijian.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ShinglesTest {
    private static final String SENTENCE = "全年共成功调解矛盾纠纷489件，调解成功率达100%，未发生“民转刑”案件及因纠纷引发的群体性事件。";

    @Test
    void normalisingDropsSpacingPunctuationAndWidth() {
        assertEquals(Shingles.normalise(SENTENCE),
                Shingles.normalise("全年共成功调解矛盾纠纷４８９件, 调解成功率达１００％ 未发生\"民转刑\"案件及因纠纷引发的群体性事件"));
        assertEquals("全年共成功调解矛盾纠纷489件", Shingles.normalise("全年共成功调解 矛盾纠纷，489件。"));
    }

    @Test
    void aSentenceWithAnotherUnitsNameStillSharesABand() {
        String a = Shingles.normalise("沙坪坝街道建成街道综治中心，整合公安、司法、法官、社区律师等多方力量，建立人民调解、行政调解、司法调解联动工作体系。");
        String b = Shingles.normalise("关坝镇建成镇综治中心，整合公安、司法、法官、社区律师等多方力量，建立人民调解、行政调解、司法调解联动工作体系。");
        assertTrue(Shingles.similarity(a, b) >= CopiedPassages.SAME_SENTENCE, "similarity " + Shingles.similarity(a, b));
        assertTrue(shared(Shingles.bands(a), Shingles.bands(b)) > 0);
    }

    @Test
    void unrelatedSentencesShareNoBand() {
        String a = Shingles.normalise(SENTENCE);
        String b = Shingles.normalise("聘请2名法律顾问，审查合同38份，提出法律意见52条，参与处理信访事项6件。");
        assertTrue(Shingles.similarity(a, b) < 0.1);
        assertEquals(0, shared(Shingles.bands(a), Shingles.bands(b)));
    }

    @Test
    void bandsAreFixedBecauseTheIndexStoresThem() {
        long[] bands = Shingles.bands(Shingles.normalise(SENTENCE));
        assertEquals(Shingles.BANDS, bands.length);
        assertArrayEquals(bands, Shingles.bands(Shingles.normalise(SENTENCE)));
        // pinned: a change here silently orphans every stored report's passages (re-index them when it is meant)
        assertEquals(PINNED_FIRST_BAND, bands[0], "first band " + bands[0]);
        assertNotEquals(bands[0], bands[1]);
    }

    private static final long PINNED_FIRST_BAND = -4498943297134037523L;

    private static long shared(long[] a, long[] b) {
        return Arrays.stream(a).filter(x -> Arrays.stream(b).anyMatch(y -> y == x)).count();
    }
}
