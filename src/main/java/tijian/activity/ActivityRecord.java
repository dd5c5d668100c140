package tijian.activity;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the audit trail (table {@code activity}); written once, never changed. */
@Entity
@Table(name = "activity")
public class ActivityRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    public String actor;
    public String roles;
    public String action;
    public String target;
    @Column(columnDefinition = "text")
    public String detail;
    public String remoteAddress;
    public String revision;
    public Integer status;
}
