package tijian.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tijian.ingest.Document;
import tijian.ingest.Refusals;
import tijian.refusal.Refusal;
import tijian.report.Deadline;
import tijian.report.Report;
import tijian.rules.Checker;
import tijian.rules.RuleFiles;
import tijian.rules.RuleSet;
import tijian.rules.RuleSetCompiler;
import tijian.testsupport.SampleReports;

/**
 * Parsing shares the check's one deadline ({@code checker.ingest.timeout}): a text that would take longer is
 * stopped inside the parser and answered with a clear 422 {@code timeout}, and the thread is free again at once.
 */
class ParseDeadlineTest {
    private static RuleSet rules;
    private static String longText;

    @BeforeAll
    static void compile() throws Exception {
        rules = RuleSetCompiler.compile(RuleFiles.read(Path.of("rules")));
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 1_000_000) {
            sb.append(SampleReports.text(SampleReports.SHAPINGBA)).append('\n');
        }
        longText = sb.toString();
    }

    @Test
    void aTextThatOutlastsTheDeadlineIsStoppedWithATimeoutRefusal() {
        // a million characters cannot be parsed in a millisecond: the deadline runs out inside the parser
        Deadline spent = Deadline.in(Duration.ofMillis(1));
        Refusal r = assertThrows(Refusal.class,
                () -> CheckService.evaluate(new Document(longText, "txt", "UTF-8"), "long.txt", rules, spent));
        assertEquals("timeout", r.code());
        assertEquals(422, Refusals.status(r));
    }

    @Test
    void rulesStoppedBecauseTheWholeCheckRanOutAreTheChecksTimeoutNotABrokenRuleSet() {
        // a long text parsed just in time leaves the rules what is left of the deadline; when that runs out the
        // answer is the text's timeout (422), not check-stopped (503, which tells rule authors their rules hang)
        Report report = rules.parser().parse(SampleReports.text(SampleReports.SHAPINGBA));
        Deadline spent = Deadline.in(Duration.ofNanos(1));
        assertThrows(Deadline.Exceeded.class, () -> spent.run(() -> Checker.check(report, rules)));
    }

    @Test
    void withinTheDeadlineTheSameTextIsChecked() {
        CheckService.Outcome outcome = CheckService.evaluate(new Document(SampleReports.text(SampleReports.SHAPINGBA), "txt", "UTF-8"),
                "sample.txt", rules, Deadline.in(Duration.ofMinutes(5)));
        assertTrue(outcome.view().items().size() > 10, "a checklist came back");
    }
}
