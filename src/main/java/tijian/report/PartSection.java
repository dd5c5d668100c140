package tijian.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The outermost section of a required part: a section whose heading names the part and that no other section naming
 * the same part encloses. A part a report splits over two top-level headings has two. Rules that judge "the
 * shortcomings part" or "the plan" take it from here: {@code PartSection(part == Part.SHORTCOMINGS, $s : section)}.
 */
public final class PartSection implements Located {
    private final Part part;
    private final Section section;

    public PartSection(Part part, Section section) {
        this.part = part;
        this.section = section;
    }

    /** One fact per part and outermost section, in text order. */
    public static List<PartSection> of(List<Section> sections) {
        List<PartSection> out = new ArrayList<>();
        for (Section s : sections) {
            for (Part p : s.getParts()) {
                if (sections.stream().noneMatch(o -> o != s && o.getParts().contains(p)
                        && o.getStart() <= s.getStart() && o.getBodyEnd() >= s.getBodyEnd())) {
                    out.add(new PartSection(p, s));
                }
            }
        }
        return out;
    }

    public Part getPart() { return part; }
    public Section getSection() { return section; }
    @Override public int getStart() { return section.getStart(); }
    @Override public int getEnd() { return section.getEnd(); }

    @Override public String toString() { return part + ":" + section; }
}
