package tijian.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** Users as the security layer sees them: looked up by name, turned into an identity with roles and unit. */
@ApplicationScoped
public class UserIdentities {
    /** The user of that name, enabled or not; null when there is none. */
    public AppUser user(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            return null;
        }
        return QuarkusTransaction.requiringNew().call(() -> AppUser.byName(name));
    }

    /** The user of that name when it exists and is enabled; null otherwise. */
    public AppUser enabledUser(String name) {
        AppUser user = user(name);
        return user != null && user.enabled ? user : null;
    }

    public SecurityIdentity identityOf(AppUser user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.name))
                .addRoles(user.roleSet());
        if (user.unit != null) {
            identity.addAttribute(Caller.UNIT_ATTRIBUTE, user.unit);
        }
        return identity.build();
    }
}
