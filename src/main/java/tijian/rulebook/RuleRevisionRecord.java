package tijian.rulebook;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A rule-set revision that went live, kept with all its files so any stored check can be reproduced. */
@Entity
@Table(name = "rule_revision")
public class RuleRevisionRecord extends PanacheEntityBase {
    @Id
    public String revision;
    public Instant activatedAt;
    /** JSON object: path relative to the rules directory → content. */
    @Column(columnDefinition = "text")
    public String files;
    public int itemCount;
}
