package tijian.report;

import org.junit.jupiter.api.Test;

class DumpTest {
    @Test
    void dump() {
        for (String name : new String[] {Samples.SHAPINGBA, Samples.GUANBA, Samples.HAITANGXI}) {
            String t = Samples.read(name);
            System.out.println("=== " + name);
            for (Metric m : Samples.metrics(t)) System.out.println(m.getSection() + "/" + m.getSentence() + " " + m);
        }
    }
}
