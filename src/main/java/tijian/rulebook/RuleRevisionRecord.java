package tijian.rulebook;

import java.time.Instant;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A rule-set revision that went live, kept with all its files so any stored check can be reproduced. */
@Entity
@Table(name = "rule_revision")
public class RuleRevisionRecord extends PanacheEntityBase {
    @Id
    public String revision;
    public Instant activatedAt;
    /** Path relative to the rules directory → content. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> files;
    public int itemCount;
}
