package tijian.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Signs a user in by name and password (HTTP Basic, and the login form's first request). A bcrypt comparison costs
 * tens of milliseconds, and API clients send their password with every request: a successful comparison is
 * remembered for a minute under a keyed hash of name and password, and forgotten whenever any user changes.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private final byte[] cacheKey = new SecureRandom().generateSeed(32);
    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    @Inject
    UserIdentities identities;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String name = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            AppUser user = identities.enabledUser(name);
            String key = fingerprint(name, password);
            if (user == null || !(verified.getIfPresent(key) != null || matches(password, user.passwordHash, key))) {
                throw new AuthenticationFailedException("wrong name or password");
            }
            return identities.identityOf(user);
        });
    }

    private boolean matches(String password, String hash, String key) {
        boolean ok = BcryptUtil.matches(password, hash);
        if (ok) {
            verified.put(key, Boolean.TRUE);
        }
        return ok;
    }

    /** Called when any user changes: a changed password or a disabled user must not stay signed in by the cache. */
    void forgetVerifiedPasswords() {
        verified.invalidateAll();
    }

    private String fingerprint(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
