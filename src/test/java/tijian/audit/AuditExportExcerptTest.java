package tijian.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import tijian.rules.ChecklistItem;

/** The findings sheet's excerpt of an evidence passage, with another report's passage beside it when there is one. */
class AuditExportExcerptTest {
    @Test
    void anotherReportsPassageStandsBesideThisOne() {
        assertEquals("化解率96%", AuditExport.excerpt(new ChecklistItem.Evidence(3, 9, "化解率96%")));
        ChecklistItem.Elsewhere last = new ChecklistItem.Elsewhere("c1", "2025年报告", "化解率保持在98%以上");
        assertEquals("化解率96%\n（2025年报告：“化解率保持在98%以上”）",
                AuditExport.excerpt(new ChecklistItem.Evidence(3, 9, "化解率96%", last)));
        assertEquals("（2025年报告：“化解率保持在98%以上”）", AuditExport.excerpt(new ChecklistItem.Evidence(-1, -1, "", last)),
                "a target this report never mentions has only last year's passage");
    }
}
