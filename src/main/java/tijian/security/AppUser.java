package tijian.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who signs in. Roles are kept as one comma-separated column: there are four, and they are read together. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {
    @Id
    public String name;
    public String passwordHash;
    public String roles;
    /** The unit as the admin wrote it (关坝镇, 重庆市綦江区关坝镇人民政府); only for the unit role. */
    public String unit;
    /** The unit's normalised name, the key checks and audits are matched by. */
    public String unitKey;
    public boolean enabled = true;
    public Instant createdAt;
    public Instant updatedAt;

    public Set<String> roleSet() {
        Set<String> set = new LinkedHashSet<>();
        if (roles != null) {
            Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).forEach(set::add);
        }
        return set;
    }

    public static AppUser byName(String name) {
        return name == null ? null : findById(name);
    }
}
