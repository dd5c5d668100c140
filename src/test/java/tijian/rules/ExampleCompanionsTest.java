package tijian.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Examples of items that compare reports carry their companions; a mistyped companion line says where it is. */
class ExampleCompanionsTest {

    @Test
    void companionsFollowTheExamplesOwnText() {
        String file = """
                === continuity.targets-met FAIL 化解率
                这一年的报告
                第二行
                --- previous
                上一年的报告
                --- other
                另一单位的报告
                === plan.target-year PASS
                只有自己的报告
                """;
        List<Problem> problems = new ArrayList<>();
        List<Example> examples = Example.parse("x.examples.txt", file, problems);
        assertEquals(List.of(), problems);
        assertEquals(2, examples.size());
        Example compared = examples.get(0);
        assertEquals("这一年的报告\n第二行", compared.fragment());
        assertEquals(List.of(new Example.Companion(Example.Companion.Kind.PREVIOUS, "上一年的报告", 4),
                new Example.Companion(Example.Companion.Kind.OTHER, "另一单位的报告", 6)), compared.companions());
        assertEquals(List.of(), examples.get(1).companions());
        assertEquals("只有自己的报告", examples.get(1).fragment());
    }

    @Test
    void anUnknownCompanionIsAnErrorAtItsLine() {
        List<Problem> problems = new ArrayList<>();
        List<Example> examples = Example.parse("x.examples.txt", """
                === plan.target-year PASS
                报告
                --- last-year
                上一年的报告
                """, problems);
        assertTrue(examples.isEmpty());
        assertEquals(1, problems.size());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("--- previous"), problems.get(0).message());
    }

    @Test
    void twoPreviousReportsAndEmptyCompanionsAreRefused() {
        List<Problem> problems = new ArrayList<>();
        Example.parse("x.examples.txt", """
                === plan.target-year PASS
                报告
                --- previous
                甲
                --- previous
                乙
                === plan.target-year PASS
                报告
                --- other
                """, problems);
        assertEquals(List.of(5, 9), problems.stream().map(Problem::line).toList());
    }
}
