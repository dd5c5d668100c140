package tijian.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import tijian.report.UnitNames;
import tijian.refusal.Refusal;

/** Creating and changing users: what an admin does at {@code /api/users}, and what a user does to its own password. */
@ApplicationScoped
public class Users {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");
    private static final int MIN_PASSWORD = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused instead. */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PasswordIdentityProvider passwords;

    /** A user as the API shows it: never the hash. */
    public record UserView(String name, List<String> roles, String unit, boolean enabled, Instant createdAt, Instant updatedAt) {
        static UserView of(AppUser u) {
            return new UserView(u.name, List.copyOf(u.roleSet()), u.unit, u.enabled, u.createdAt, u.updatedAt);
        }
    }

    /** What may change; null leaves a field as it is. */
    public record Change(List<String> roles, String unit, Boolean enabled) {}

    public List<UserView> list() {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>listAll().stream()
                .sorted((a, b) -> a.name.compareTo(b.name)).map(UserView::of).toList());
    }

    public UserView get(String name) {
        return QuarkusTransaction.requiringNew().call(() -> UserView.of(existing(name)));
    }

    public boolean any() {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.count() > 0);
    }

    public UserView create(String name, String password, List<String> roles, String unit) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw refused(Refusal.Kind.BAD_INPUT, "bad-user-name", "用户名应为 1–100 个字母、数字或 . _ @ -。",
                    "A user name is 1 to 100 letters, digits or . _ @ -.");
        }
        checkPassword(password);
        Set<String> roleSet = roles(roles);
        String unitKey = unitKey(roleSet, unit);
        String hash = BcryptUtil.bcryptHash(password);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (AppUser.byName(name) != null) {
                throw refused(Refusal.Kind.CONFLICT, "user-exists", "用户 " + name + " 已存在。", "User " + name + " exists already.");
            }
            AppUser u = new AppUser();
            u.name = name;
            u.passwordHash = hash;
            u.roles = String.join(",", roleSet);
            u.unit = unitKey == null ? null : unit.trim();
            u.unitKey = unitKey;
            u.enabled = true;
            u.createdAt = Instant.now();
            u.updatedAt = u.createdAt;
            u.persist();
            return UserView.of(u);
        });
    }

    /** Changes roles, unit or enabled; the last enabled admin cannot lock everyone out. */
    public UserView change(String name, Change change) {
        UserView changed = QuarkusTransaction.requiringNew().call(() -> {
            AppUser u = existing(name);
            Set<String> roleSet = change.roles() == null ? u.roleSet() : roles(change.roles());
            String unit = change.unit() != null ? change.unit() : (roleSet.contains(Roles.UNIT) ? u.unit : null);
            String unitKey = unitKey(roleSet, unit);
            boolean enabled = change.enabled() == null ? u.enabled : change.enabled();
            boolean wasAdmin = u.enabled && u.roleSet().contains(Roles.ADMIN);
            if (wasAdmin && !(enabled && roleSet.contains(Roles.ADMIN)) && enabledAdmins() <= 1) {
                throw refused(Refusal.Kind.CONFLICT, "last-admin", "这是最后一个可用的管理员账号，不能停用或取消其管理员角色。",
                        "This is the last enabled admin: it cannot be disabled or lose the admin role.");
            }
            u.roles = String.join(",", roleSet);
            u.unit = unitKey == null ? null : unit.trim();
            u.unitKey = unitKey;
            u.enabled = enabled;
            u.updatedAt = Instant.now();
            return UserView.of(u);
        });
        passwords.forgetVerifiedPasswords();
        return changed;
    }

    /** Sets a new password; with none given, makes a random one and returns it (shown once). */
    public String resetPassword(String name, String password) {
        String chosen = password == null || password.isEmpty() ? randomPassword() : password;
        checkPassword(chosen);
        String hash = BcryptUtil.bcryptHash(chosen);
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser u = existing(name);
            u.passwordHash = hash;
            u.updatedAt = Instant.now();
        });
        passwords.forgetVerifiedPasswords();
        return chosen;
    }

    public static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static long enabledAdmins() {
        return AppUser.<AppUser>list("enabled", true).stream().filter(u -> u.roleSet().contains(Roles.ADMIN)).count();
    }

    private static AppUser existing(String name) {
        AppUser u = AppUser.byName(name);
        if (u == null) {
            throw refused(Refusal.Kind.NOT_FOUND, "not-found", "没有用户 " + name + "。", "No user " + name + ".");
        }
        return u;
    }

    private static Set<String> roles(List<String> roles) {
        if (roles == null || roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
            throw refused(Refusal.Kind.BAD_INPUT, "bad-roles", "角色应为 unit、inspector、rule-author、admin 中的一个或多个。",
                    "Roles are one or more of " + Roles.ALL + ".");
        }
        return new LinkedHashSet<>(roles);
    }

    /** A unit user must name its unit, and only a unit user has one. */
    private static String unitKey(Set<String> roles, String unit) {
        boolean blank = unit == null || unit.isBlank();
        if (roles.contains(Roles.UNIT)) {
            String key = blank ? null : UnitNames.normalise(unit);
            if (key == null) {
                throw refused(Refusal.Kind.BAD_INPUT, "unit-required", "unit 角色的用户必须指定所属单位（如 关坝镇）。",
                        "A user with the unit role needs its unit (e.g. 关坝镇).");
            }
            return key;
        }
        if (!blank) {
            throw refused(Refusal.Kind.BAD_INPUT, "unit-without-role", "只有 unit 角色的用户才绑定单位。", "Only users with the unit role are bound to a unit.");
        }
        return null;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw refused(Refusal.Kind.BAD_INPUT, "bad-password", "密码至少 " + MIN_PASSWORD + " 个字符，最多 " + MAX_PASSWORD_BYTES + " 字节。",
                    "A password has at least " + MIN_PASSWORD + " characters and at most " + MAX_PASSWORD_BYTES + " bytes.");
        }
    }

    private static Refusal refused(Refusal.Kind kind, String code, String zh, String en) {
        return new Refusal(kind, code, zh, en);
    }
}
