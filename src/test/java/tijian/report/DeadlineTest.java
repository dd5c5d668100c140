package tijian.report;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Issue 9: a long text cannot hold a core; parsing stops at its deadline, on its own thread. */
class DeadlineTest {
    static String longText(int chars) {
        String one = tijian.testsupport.SampleReports.text(tijian.testsupport.SampleReports.GUANBA);
        StringBuilder sb = new StringBuilder(chars + one.length());
        while (sb.length() < chars) sb.append(one).append('\n');
        return sb.toString();
    }

    @Test
    void parsingTwoMillionCharactersStopsAtTheDeadline() {
        String text = longText(2_000_000); // unbounded, this parses for well over 30 s
        ReportParser parser = Fixtures.parser();
        long start = System.nanoTime();
        Deadline deadline = Deadline.in(Duration.ofMillis(500));
        assertThrows(Deadline.Exceeded.class, () -> deadline.run(() -> parser.parse(text)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 15_000, "stopped " + ms + " ms after a 500 ms deadline");
    }

    @Test
    void withoutADeadlineNothingIsChecked() {
        Deadline.check(); // no deadline current: a no-op
        assertTrue(Deadline.current().isEmpty());
        Deadline d = Deadline.in(Duration.ofMinutes(1));
        assertTrue(d.run(() -> Deadline.current().orElseThrow() == d));
        assertTrue(Deadline.current().isEmpty(), "restored after the work");
    }

    @Test
    void anExpiredDeadlineStopsTheNextCheck() throws Exception {
        Deadline d = Deadline.in(Duration.ofMillis(1));
        Thread.sleep(5);
        assertThrows(Deadline.Exceeded.class, () -> d.run(() -> {
            Deadline.check();
            return null;
        }));
    }
}
