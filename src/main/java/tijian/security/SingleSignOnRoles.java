package tijian.security;

import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import tijian.config.CheckerConfig;

/**
 * Gives a single-sign-on identity (OIDC) the service's roles. A site's identity provider knows people, not our four
 * roles: when a local user of the same name exists, its roles and unit apply (an admin grants them here); otherwise
 * only the token's roles that are ours are kept, and the unit comes from a token claim. A disabled local user of
 * that name signs in with no roles.
 */
@ApplicationScoped
public class SingleSignOnRoles implements SecurityIdentityAugmentor {
    @Inject
    CheckerConfig config;

    @Inject
    UserIdentities identities;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> augment(identity, token));
    }

    private SecurityIdentity augment(SecurityIdentity identity, JsonWebToken token) {
        AppUser local = identities.user(identity.getPrincipal().getName());
        // The token's own roles are replaced, not added to: only the roles below count.
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        if (local != null) {
            if (local.enabled) {
                builder.addRoles(local.roleSet());
                if (local.unit != null) {
                    builder.addAttribute(Caller.UNIT_ATTRIBUTE, local.unit);
                }
            }
            return builder.build();
        }
        builder.addRoles(identity.getRoles().stream().filter(Roles.ALL::contains).collect(Collectors.toSet()));
        Optional.ofNullable(token.getClaim(config.auth().oidc().unitClaim())).map(Object::toString).filter(u -> !u.isBlank())
                .ifPresent(u -> builder.addAttribute(Caller.UNIT_ATTRIBUTE, u));
        return builder.build();
    }
}
