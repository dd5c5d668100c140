package tijian.security;

import java.util.List;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import tijian.config.CheckerConfig;
import tijian.refusal.Refusal;

/**
 * A new installation has no users, and nobody could create one: the first start creates {@code admin} with the
 * password from {@code CHECKER_ADMIN_PASSWORD}, or a random one printed once in the log.
 */
@Singleton
public class FirstAdmin {
    @Inject
    CheckerConfig config;

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    public static final String NAME = "admin";

    @Inject
    Users users;

    void onStart(@Observes StartupEvent event) {
        if (users.any()) {
            return;
        }
        String password = config.auth().adminPassword().filter(p -> !p.isBlank()).orElseGet(Users::randomPassword);
        try {
            // The first admin is the operator who installs the service: every role, so the service is usable at once.
            users.create(NAME, password, List.of(Roles.ADMIN, Roles.INSPECTOR, Roles.RULE_AUTHOR), null);
        } catch (Refusal e) {
            // Another instance on the same database created it first, or the configured password is too short.
            if (!"user-exists".equals(e.code())) {
                LOG.errorf("the first admin could not be created: %s", e.messageEn());
            }
            return;
        }
        if (config.auth().adminPassword().filter(p -> !p.isBlank()).isPresent()) {
            LOG.infof("created the first user '%s' with the password from CHECKER_ADMIN_PASSWORD", NAME);
        } else {
            LOG.warnf("%n==========================================================%n"
                    + " First start: created user '%s' with password  %s%n"
                    + " Sign in at /login and change it (PUT /api/me/password).%n"
                    + " It is shown only this once.%n"
                    + "==========================================================", NAME, password);
        }
    }
}
