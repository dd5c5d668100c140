package tijian.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.security.Authenticated;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import tijian.db.EmbeddedDatabaseResource;

/**
 * Who may do what, tried for real: users with passwords in the database, HTTP Basic, every operation of the OpenAPI
 * document under every role. Allowed → the operation's own answer (whatever it is, never 401/403); not signed in →
 * 401; wrong role → 403; a unit asking for another unit's data → 404, as if it did not exist.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class AccessTest {
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String PASSWORD = "a-long-password";
    static final String REPORT = "关于2025年法治政府建设情况的报告\n一、主要举措和成效\n全年行政诉讼案件1件，出庭应诉率100%。";
    /** One run's users; an external test database keeps the users of earlier runs. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    enum Who { ANONYMOUS, UNIT, OTHER_UNIT, INSPECTOR, RULE_AUTHOR, ADMIN }

    /** What the role matrix expects of one caller; LOGIN: a page sends an anonymous browser to the login page. */
    enum Expect { ALLOWED, UNAUTHENTICATED, FORBIDDEN, HIDDEN, LOGIN }

    @Inject
    BeanManager beans;

    static boolean usersCreated;
    static String unitCheck;
    static String anonymousCheck;
    static String audit;
    static String revision;

    @BeforeEach
    void users() {
        if (usersCreated) {
            return;
        }
        createUser(user(Who.UNIT), List.of(Roles.UNIT), "重庆市綦江区关坝镇人民政府");
        createUser(user(Who.OTHER_UNIT), List.of(Roles.UNIT), "沙坪坝街道");
        createUser(user(Who.INSPECTOR), List.of(Roles.INSPECTOR), null);
        createUser(user(Who.RULE_AUTHOR), List.of(Roles.RULE_AUTHOR), null);
        createUser(user(Who.ADMIN), List.of(Roles.ADMIN), null);
        unitCheck = as(Who.UNIT).contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks")
                .then().statusCode(200).extract().path("id");
        anonymousCheck = given().contentType("text/plain; charset=UTF-8").body(REPORT).post("/api/checks")
                .then().statusCode(200).extract().path("id");
        audit = as(Who.INSPECTOR).multiPart("file", "关坝镇.txt", ("重庆市綦江区关坝镇人民政府" + REPORT).getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/audits").then().statusCode(202).extract().path("id");
        revision = as(Who.INSPECTOR).get("/api/rules").then().statusCode(200).extract().path("revision");
        usersCreated = true;
    }

    static String user(Who who) {
        return who.name().toLowerCase().replace('_', '-') + "-" + RUN;
    }

    static void createUser(String name, List<String> roles, String unit) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "password", PASSWORD, "roles", roles));
        if (unit != null) {
            body.put("unit", unit);
        }
        given().auth().preemptive().basic(FirstAdmin.NAME, ADMIN_PASSWORD).contentType("application/json").body(body)
                .post("/api/users").then().statusCode(201).body("name", equalTo(name));
    }

    static RequestSpecification as(Who who) {
        return who == Who.ANONYMOUS ? given() : given().auth().preemptive().basic(user(who), PASSWORD);
    }

    /** One operation of the API, a request that exercises it, and who may make it. */
    record Operation(String method, String template, String path, java.util.function.UnaryOperator<RequestSpecification> body,
                     Map<Who, Expect> expect) {}

    static Map<Who, Expect> only(Set<Who> allowed) {
        Map<Who, Expect> m = new java.util.EnumMap<>(Who.class);
        for (Who w : Who.values()) {
            m.put(w, allowed.contains(w) ? Expect.ALLOWED : w == Who.ANONYMOUS ? Expect.UNAUTHENTICATED : Expect.FORBIDDEN);
        }
        return m;
    }

    static final Set<Who> EVERYONE = Set.of(Who.values());
    static final Set<Who> SIGNED_IN = Set.of(Who.UNIT, Who.OTHER_UNIT, Who.INSPECTOR, Who.RULE_AUTHOR, Who.ADMIN);
    static final Set<Who> READERS = Set.of(Who.INSPECTOR, Who.RULE_AUTHOR);

    List<Operation> operations() {
        String unit = "关坝镇";
        var text = (java.util.function.UnaryOperator<RequestSpecification>) r -> r.contentType("text/plain; charset=UTF-8").body(REPORT);
        var none = (java.util.function.UnaryOperator<RequestSpecification>) r -> r;
        var json = (java.util.function.UnaryOperator<RequestSpecification>) r -> r.contentType("application/json").body("{}");
        var brokenRule = (java.util.function.UnaryOperator<RequestSpecification>) r -> r.multiPart("file", "broken.drl",
                "rule \"x\" when then end end".getBytes(StandardCharsets.UTF_8), "text/plain");
        Map<Who, Expect> unitHistory = new java.util.EnumMap<>(only(Set.of(Who.UNIT, Who.INSPECTOR, Who.RULE_AUTHOR)));
        unitHistory.put(Who.OTHER_UNIT, Expect.HIDDEN);
        unitHistory.put(Who.ADMIN, Expect.HIDDEN);
        Map<Who, Expect> unitCheckRead = new java.util.EnumMap<>(unitHistory);
        unitCheckRead.put(Who.ANONYMOUS, Expect.HIDDEN);
        String newUser = "new-" + UUID.randomUUID().toString().substring(0, 8);
        // the pages: the same roles as the API behind them; anonymous → the login page, wrong role → a 403 page
        var page = (java.util.function.UnaryOperator<RequestSpecification>) r -> r.redirects().follow(false).accept("text/html");
        java.util.function.Function<Map<Who, Expect>, Map<Who, Expect>> signInFirst = m -> {
            Map<Who, Expect> copy = new java.util.EnumMap<>(m);
            copy.put(Who.ANONYMOUS, Expect.LOGIN);
            return copy;
        };
        Map<Who, Expect> unitsPage = signInFirst.apply(only(Set.of(Who.UNIT, Who.OTHER_UNIT, Who.INSPECTOR, Who.RULE_AUTHOR)));
        return List.of(
                new Operation("GET", "/", "/", page, only(EVERYONE)),
                new Operation("GET", "/checks/{id}", "/checks/" + unitCheck, page, only(EVERYONE)),
                new Operation("GET", "/audits", "/audits", page, signInFirst.apply(only(READERS))),
                new Operation("GET", "/audits/{id}", "/audits/" + audit, page, signInFirst.apply(only(READERS))),
                new Operation("GET", "/units", "/units", page, unitsPage),
                new Operation("GET", "/units/{name}", "/units/" + unit, page, signInFirst.apply(unitHistory)),
                new Operation("GET", "/rules", "/rules", page, signInFirst.apply(only(SIGNED_IN))),
                new Operation("POST", "/api/checks", "/api/checks", text, only(EVERYONE)),
                new Operation("GET", "/api/checks", "/api/checks", none, only(SIGNED_IN)),
                new Operation("GET", "/api/checks/{id}", "/api/checks/" + unitCheck, none, unitCheckRead),
                new Operation("GET", "/api/checks/{id}/report.pdf", "/api/checks/" + unitCheck + "/report.pdf", none, unitCheckRead),
                new Operation("GET", "/api/checks/{id}/annotated.docx", "/api/checks/" + unitCheck + "/annotated.docx", none, unitCheckRead),
                new Operation("GET", "/api/checks/{id}/verdicts", "/api/checks/" + unitCheck + "/verdicts", none, unitCheckRead),
                new Operation("PUT", "/api/checks/{id}/verdicts/{itemId}", "/api/checks/" + unitCheck + "/verdicts/meta.title",
                        r -> r.contentType("application/json").body(Map.of("verdict", "accepted")), only(Set.of(Who.INSPECTOR))),
                new Operation("GET", "/api/audits/{id}/similar-pairs", "/api/audits/" + audit + "/similar-pairs", none, only(READERS)),
                new Operation("GET", "/api/audits/{id}/verdicts", "/api/audits/" + audit + "/verdicts", none, only(READERS)),
                new Operation("POST", "/api/audits", "/api/audits", r -> r.multiPart("file", "a.txt",
                        REPORT.getBytes(StandardCharsets.UTF_8), "text/plain"), only(Set.of(Who.INSPECTOR))),
                new Operation("GET", "/api/audits", "/api/audits", none, only(READERS)),
                new Operation("GET", "/api/audits/{id}", "/api/audits/" + audit, none, only(READERS)),
                new Operation("GET", "/api/audits/{id}/results", "/api/audits/" + audit + "/results", none, only(READERS)),
                new Operation("GET", "/api/audits/{id}/changes", "/api/audits/" + audit + "/changes", none, only(READERS)),
                new Operation("GET", "/api/audits/{id}/export.csv", "/api/audits/" + audit + "/export.csv", none, only(READERS)),
                new Operation("GET", "/api/audits/{id}/export.xlsx", "/api/audits/" + audit + "/export.xlsx", none, only(READERS)),
                new Operation("POST", "/api/audits/{id}/rerun", "/api/audits/" + audit + "/rerun", none, only(Set.of(Who.INSPECTOR))),
                new Operation("GET", "/api/units", "/api/units", none, only(READERS)),
                new Operation("GET", "/api/units/{name}/history", "/api/units/" + unit + "/history", none, unitHistory),
                new Operation("GET", "/api/rules", "/api/rules", none, only(SIGNED_IN)),
                new Operation("GET", "/api/rules/profiles", "/api/rules/profiles", none, only(EVERYONE)),
                new Operation("GET", "/api/rules/{itemId}", "/api/rules/meta.title", none, only(SIGNED_IN)),
                new Operation("GET", "/api/rules/revisions", "/api/rules/revisions", none, only(Set.of(Who.RULE_AUTHOR))),
                new Operation("GET", "/api/rules/revisions/{revision}", "/api/rules/revisions/" + revision, none, only(Set.of(Who.RULE_AUTHOR))),
                new Operation("GET", "/api/rules/revisions/{from}/diff/{to}", "/api/rules/revisions/" + revision + "/diff/" + revision, none, only(Set.of(Who.RULE_AUTHOR))),
                new Operation("POST", "/api/rules/validate", "/api/rules/validate", brokenRule, only(Set.of(Who.RULE_AUTHOR))),
                new Operation("POST", "/api/rules/test", "/api/rules/test", none, only(Set.of(Who.RULE_AUTHOR))),
                new Operation("PUT", "/api/rules/files/{name}", "/api/rules/files/broken.drl", r -> r.contentType("text/plain").body("rule end end"), only(Set.of(Who.RULE_AUTHOR))),
                new Operation("DELETE", "/api/rules/files/{name}", "/api/rules/files/no-such-file.drl", none, only(Set.of(Who.RULE_AUTHOR))),
                new Operation("GET", "/api/users", "/api/users", none, only(Set.of(Who.ADMIN))),
                new Operation("POST", "/api/users", "/api/users", r -> r.contentType("application/json").body(Map.of(
                        "name", newUser, "password", PASSWORD, "roles", List.of(Roles.INSPECTOR))), only(Set.of(Who.ADMIN))),
                new Operation("GET", "/api/users/{name}", "/api/users/" + user(Who.INSPECTOR), none, only(Set.of(Who.ADMIN))),
                new Operation("PATCH", "/api/users/{name}", "/api/users/" + user(Who.INSPECTOR), r -> r.contentType("application/json")
                        .body(Map.of("roles", List.of(Roles.INSPECTOR))), only(Set.of(Who.ADMIN))),
                new Operation("POST", "/api/users/{name}/password", "/api/users/" + user(Who.INSPECTOR) + "/password",
                        r -> r.contentType("application/json").body(Map.of("password", PASSWORD)), only(Set.of(Who.ADMIN))),
                new Operation("GET", "/api/activity", "/api/activity", none, only(Set.of(Who.ADMIN))),
                new Operation("GET", "/api/me", "/api/me", none, only(EVERYONE)),
                new Operation("PUT", "/api/me/password", "/api/me/password", r -> r.contentType("application/json")
                        .body(Map.of("password", PASSWORD)), only(SIGNED_IN)),
                new Operation("GET", "/login", "/login", none, only(EVERYONE)),
                new Operation("GET", "/logout", "/logout", r -> r.redirects().follow(false), only(EVERYONE)));
    }

    @Test
    void everyOperationAnswersEveryRoleAsDeclared() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations()) {
            for (Who who : Who.values()) {
                Response response = op.body().apply(as(who)).request(op.method(), op.path());
                int status = response.statusCode();
                Expect expected = op.expect().get(who);
                boolean ok = switch (expected) {
                    case ALLOWED -> status != 401 && status != 403 && status < 500;
                    case UNAUTHENTICATED -> status == 401;
                    case FORBIDDEN -> status == 403;
                    case HIDDEN -> status == 404;
                    case LOGIN -> status == 302 && response.header("Location") != null && response.header("Location").endsWith("/login");
                };
                if (!ok) {
                    wrong.add(op.method() + " " + op.path() + " as " + who + ": expected " + expected + ", got " + status
                            + " " + response.asString().substring(0, Math.min(200, response.asString().length())));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** A new endpoint must say who may call it, and must be in the matrix above, or this fails. */
    @Test
    void theMatrixCoversEveryOperationOfTheOpenApiDocument() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> documented = new TreeSet<>();
        // the guard tests' probe endpoint exists only in the test build
        paths.keySet().removeIf(path -> path.startsWith("/test/"));
        paths.forEach((path, ops) -> ops.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path.replaceAll("\\{([a-zA-Z]+):[^}]*}", "{$1}"))));
        Set<String> tested = new TreeSet<>();
        operations().forEach(op -> tested.add(op.method() + " " + op.template()));
        assertEquals(documented, tested, "operations in the OpenAPI document vs. the role matrix");
    }

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() {
        List<String> undeclared = new ArrayList<>();
        int methods = 0;
        for (Bean<?> bean : beans.getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (!type.getName().startsWith("tijian.") || !type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                boolean endpoint = java.util.Arrays.stream(m.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
                if (!endpoint) {
                    continue;
                }
                methods++;
                if (!declares(m.getAnnotations()) && !declares(type.getAnnotations())) {
                    undeclared.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertTrue(methods > 20, "found the resource methods: " + methods);
        assertTrue(undeclared.isEmpty(), "no @RolesAllowed/@PermitAll/@Authenticated/@DenyAll on " + undeclared);
    }

    private static boolean declares(java.lang.annotation.Annotation[] annotations) {
        return java.util.Arrays.stream(annotations).map(java.lang.annotation.Annotation::annotationType).anyMatch(t ->
                t == RolesAllowed.class || t == PermitAll.class || t == Authenticated.class || t == DenyAll.class);
    }

    @Test
    void aUnitReadsItsOwnUnitsChecksAndNoOneElses() {
        // a colleague of the same unit, written another way, reads the check too
        createUser("colleague-" + RUN, List.of(Roles.UNIT), "关坝镇");
        given().auth().preemptive().basic("colleague-" + RUN, PASSWORD).get("/api/checks/" + unitCheck).then().statusCode(200);
        as(Who.OTHER_UNIT).get("/api/checks/" + unitCheck).then().statusCode(404).body("code", equalTo("not-found"));
        as(Who.UNIT).get("/api/checks").then().statusCode(200).body("id", hasItem(unitCheck));
        as(Who.OTHER_UNIT).get("/api/checks").then().statusCode(200).body("id", not(hasItem(unitCheck)));
        as(Who.INSPECTOR).get("/api/checks?size=200").then().statusCode(200).body("id", hasItem(unitCheck));
        // an anonymous check is open to whoever holds its id, and listed for no unit
        as(Who.OTHER_UNIT).get("/api/checks/" + anonymousCheck).then().statusCode(200);
        given().get("/api/checks/" + anonymousCheck).then().statusCode(200);
        as(Who.UNIT).get("/api/checks").then().body("id", not(hasItem(anonymousCheck)));
    }

    @Test
    void aUnitCannotReadAnAuditsChecks() {
        String auditCheck = waitForAuditCheck();
        as(Who.INSPECTOR).get("/api/checks/" + auditCheck).then().statusCode(200);
        as(Who.UNIT).get("/api/checks/" + auditCheck).then().statusCode(404);
        given().get("/api/checks/" + auditCheck).then().statusCode(404);
        as(Who.UNIT).get("/api/units/关坝镇/history").then().statusCode(200).body("unit", equalTo("关坝镇"));
        as(Who.UNIT).get("/api/units/重庆市綦江区关坝镇人民政府/history").then().statusCode(200);
        as(Who.OTHER_UNIT).get("/api/units/关坝镇/history").then().statusCode(404);
    }

    private static String waitForAuditCheck() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> ids = as(Who.INSPECTOR).get("/api/audits/" + audit + "/results").then().statusCode(200)
                    .extract().jsonPath().getList("rows.checkId", String.class);
            if (ids != null && !ids.isEmpty() && ids.get(0) != null) {
                return ids.get(0);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        return fail("the audit never finished");
    }

    @Test
    void withoutCredentialsTheApiChallengesButThePagesOwnRequestsDoNot() {
        given().get("/api/audits").then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"))
                .body("code", equalTo("unauthenticated"));
        given().header("X-Requested-With", "fetch").get("/api/audits").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue());
        given().auth().preemptive().basic(user(Who.INSPECTOR), "wrong-password").get("/api/audits").then().statusCode(401)
                .body("code", equalTo("bad-credentials"));
        // wrong credentials are refused even where none are needed: a typo must not silently check anonymously
        given().auth().preemptive().basic(user(Who.INSPECTOR), "wrong-password").get("/api/me").then().statusCode(401);
        as(Who.UNIT).get("/api/audits").then().statusCode(403).body("code", equalTo("forbidden"));
    }

    @Test
    void theFirstStartAdminSignsInAndManagesUsers() {
        given().auth().preemptive().basic(FirstAdmin.NAME, ADMIN_PASSWORD).get("/api/me").then().statusCode(200)
                .body("name", equalTo("admin")).body("roles", hasItem(Roles.ADMIN));
        given().auth().preemptive().basic(FirstAdmin.NAME, ADMIN_PASSWORD).get("/api/users").then().statusCode(200)
                .body("name", hasItem(user(Who.UNIT))).body("find { it.name == '" + user(Who.UNIT) + "' }.unit",
                        equalTo("重庆市綦江区关坝镇人民政府"))
                .body("passwordHash", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        given().auth().preemptive().basic(FirstAdmin.NAME, ADMIN_PASSWORD).get("/api/activity?action=user.create&size=500")
                .then().statusCode(200).body("items.target", hasItem(user(Who.UNIT)))
                .body("items.find { it.target == '" + user(Who.UNIT) + "' }.actor", equalTo(FirstAdmin.NAME));
    }

    @Test
    void aDisabledUserIsSignedOutAtOnceAndTheLastAdminCannotBeLockedOut() {
        String name = "leaver-" + RUN;
        createUser(name, List.of(Roles.INSPECTOR), null);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/audits").then().statusCode(200);
        admin().contentType("application/json").body(Map.of("enabled", false)).patch("/api/users/" + name)
                .then().statusCode(200).body("enabled", equalTo(false));
        given().auth().preemptive().basic(name, PASSWORD).get("/api/audits").then().statusCode(401);
        // a reset password works, and the old one no longer does
        admin().contentType("application/json").body(Map.of("enabled", true)).patch("/api/users/" + name).then().statusCode(200);
        String fresh = admin().contentType("application/json").body("{}").post("/api/users/" + name + "/password")
                .then().statusCode(200).extract().path("password");
        given().auth().preemptive().basic(name, PASSWORD).get("/api/audits").then().statusCode(401);
        given().auth().preemptive().basic(name, fresh).get("/api/audits").then().statusCode(200);
        // the only admins are admin and the test's admin: disabling one leaves one, disabling both is refused
        admin().contentType("application/json").body(Map.of("roles", List.of(Roles.INSPECTOR))).patch("/api/users/" + user(Who.ADMIN))
                .then().statusCode(200);
        admin().contentType("application/json").body(Map.of("enabled", false)).patch("/api/users/" + FirstAdmin.NAME)
                .then().statusCode(409).body("code", equalTo("last-admin"));
        admin().contentType("application/json").body(Map.of("roles", List.of(Roles.ADMIN))).patch("/api/users/" + user(Who.ADMIN))
                .then().statusCode(200);
    }

    @Test
    void badUserRequestsAreRefusedWithAReason() {
        admin().contentType("application/json").body(Map.of("name", "u-" + RUN, "password", PASSWORD, "roles", List.of(Roles.UNIT)))
                .post("/api/users").then().statusCode(400).body("code", equalTo("unit-required"));
        admin().contentType("application/json").body(Map.of("name", "u-" + RUN, "password", "short", "roles", List.of(Roles.INSPECTOR)))
                .post("/api/users").then().statusCode(400).body("code", equalTo("bad-password"));
        admin().contentType("application/json").body(Map.of("name", "u-" + RUN, "password", PASSWORD, "roles", List.of("root")))
                .post("/api/users").then().statusCode(400).body("code", equalTo("bad-roles"));
        admin().contentType("application/json").body(Map.of("name", "a b/c", "password", PASSWORD, "roles", List.of(Roles.INSPECTOR)))
                .post("/api/users").then().statusCode(400).body("code", equalTo("bad-user-name"));
        admin().contentType("application/json").body(Map.of("name", user(Who.UNIT), "password", PASSWORD, "roles", List.of(Roles.INSPECTOR)))
                .post("/api/users").then().statusCode(409).body("code", equalTo("user-exists"));
        admin().contentType("application/json").body("{not json").post("/api/users").then().statusCode(400);
        admin().get("/api/users/no-such-user").then().statusCode(404);
    }

    @Test
    void thePagesSignInWithTheLoginFormAndOut() {
        given().get("/login").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"))
                .body(org.hamcrest.Matchers.containsString("j_security_check"));
        Response wrong = given().redirects().follow(false).formParam("j_username", user(Who.UNIT))
                .formParam("j_password", "nope-nope").post("/j_security_check");
        assertTrue(wrong.header("Location") != null && wrong.header("Location").contains("/login?error"), wrong.headers().toString());
        Response ok = given().redirects().follow(false).formParam("j_username", user(Who.UNIT)).formParam("j_password", PASSWORD)
                .post("/j_security_check");
        assertTrue(ok.statusCode() == 302 || ok.statusCode() == 303, "login answers " + ok.statusCode());
        String session = ok.cookie("quarkus-credential");
        assertTrue(session != null && !session.isEmpty(), "a session cookie");
        given().cookie("quarkus-credential", session).get("/api/me").then().statusCode(200)
                .body("name", equalTo(user(Who.UNIT))).body("unit", equalTo("重庆市綦江区关坝镇人民政府"));
        given().cookie("quarkus-credential", session).get("/api/checks/" + unitCheck).then().statusCode(200);
        Response out = given().redirects().follow(false).cookie("quarkus-credential", session).get("/logout");
        assertEquals(303, out.statusCode());
        assertTrue(out.header("Set-Cookie").contains("quarkus-credential=;") || out.header("Set-Cookie").contains("Max-Age=0"),
                out.header("Set-Cookie"));
    }

    @Test
    void aSignedInPageOfADisabledUserGoesBackToTheLoginPage() {
        String name = "page-leaver-" + RUN;
        createUser(name, List.of(Roles.INSPECTOR), null);
        String session = given().redirects().follow(false).formParam("j_username", name).formParam("j_password", PASSWORD)
                .post("/j_security_check").cookie("quarkus-credential");
        given().cookie("quarkus-credential", session).get("/api/audits").then().statusCode(200);
        admin().contentType("application/json").body(Map.of("enabled", false)).patch("/api/users/" + name).then().statusCode(200);
        given().cookie("quarkus-credential", session).header("X-Requested-With", "fetch").get("/api/audits").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue());
        Response page = given().redirects().follow(false).cookie("quarkus-credential", session).accept("text/html").get("/");
        assertEquals(302, page.statusCode());
        assertTrue(page.header("Location").endsWith("/login?error=true"), page.header("Location"));
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(FirstAdmin.NAME, ADMIN_PASSWORD);
    }
}
