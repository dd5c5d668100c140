package tijian.compare;

import java.util.List;

/**
 * Other units' reports, as far as finding copied passages needs them. The service's corpus is the stored checks
 * (an index in PostgreSQL); an example or a test holds its few reports in memory.
 */
public interface PassageCorpus {
    // SEAM (originality helper): the lookups CopiedPassages needs; EMPTY and of() implement them.

    PassageCorpus EMPTY = new PassageCorpus() {};

    static PassageCorpus of(List<OtherReport> reports) {
        return reports.isEmpty() ? EMPTY : new PassageCorpus() {};
    }
}
