package tijian.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;

import tijian.db.EmbeddedDatabaseResource;
import tijian.security.Roles;

/**
 * Soak for issue 9: several clients send the bad requests mixed with good checks and audits for a while;
 * no answer may be a 500 (503 busy/database-unavailable is allowed), and the heap must not keep growing. Not part
 * of the test run (its name does not end in Test):
 * {@code mvn test -Dtest=RobustnessSoak -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.minutes=5}.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {Roles.INSPECTOR, Roles.RULE_AUTHOR})
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class RobustnessSoak {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Req(String name, String path, String contentType, byte[] body) {}

    static byte[] sample() {
        try (InputStream in = RobustnessSoak.class.getResourceAsStream("/reports/guanba-town-2025.txt")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void soak() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "2"));
        byte[] report = sample();
        byte[] badUtf8 = java.util.Arrays.copyOf(report, report.length + 1);
        badUtf8[badUtf8.length - 1] = (byte) 0xE6;
        String text = new String(report, StandardCharsets.UTF_8);
        StringBuilder longText = new StringBuilder();
        while (longText.length() < 1_000_000) longText.append(text).append('\n');
        String part = "--qq\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + "n".repeat(600) + ".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + text + "\r\n--qq--\r\n";
        List<Supplier<Req>> mix = List.of(
                () -> new Req("good", "/api/checks", "text/plain; charset=UTF-8", report),
                () -> new Req("bad-multipart", "/api/checks", "multipart/form-data; boundary=qq", "--zz\r\nxx".getBytes(StandardCharsets.ISO_8859_1)),
                () -> new Req("bad-content-type", "/api/checks", ";;;==", report),
                () -> new Req("long-name", "/api/checks", "multipart/form-data; boundary=qq", part.getBytes(StandardCharsets.UTF_8)),
                () -> new Req("bad-utf8", "/api/checks", "text/plain; charset=UTF-8", badUtf8),
                () -> new Req("utf16", "/api/checks", null, text.getBytes(StandardCharsets.UTF_16LE)),
                () -> new Req("long-text", "/api/checks", "text/plain; charset=UTF-8", longText.toString().getBytes(StandardCharsets.UTF_8)),
                () -> new Req("audit", "/api/audits", "multipart/form-data; boundary=qq", part.getBytes(StandardCharsets.UTF_8)));
        Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
        AtomicLong worstMs = new AtomicLong();
        long end = System.currentTimeMillis() + (long) (minutes * 60_000);
        Runtime rt = Runtime.getRuntime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int seed = t;
            clients.submit(() -> {
                int i = seed;
                while (System.currentTimeMillis() < end) {
                    Req r = mix.get(i++ % mix.size()).get();
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + r.path()))
                            .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
                    if (r.contentType() != null) b.header("Content-Type", r.contentType());
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    worstMs.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                    statuses.computeIfAbsent(r.name(), k -> new ConcurrentHashMap<>())
                            .computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            });
        }
        while (System.currentTimeMillis() < end) {
            Thread.sleep(10_000);
            System.out.printf("soak: heap used %d MB, statuses %s%n", (rt.totalMemory() - rt.freeMemory()) >> 20, statuses);
        }
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.MINUTES);
        System.out.printf("soak done: %s; slowest answer %d ms%n", statuses, worstMs.get());
        int fiveHundreds = statuses.values().stream().flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey() >= 500 && e.getKey() != 503 || e.getKey() < 0).mapToInt(e -> e.getValue().get()).sum();
        assertEquals(0, fiveHundreds, "no 500s and no dropped connections: " + statuses);
        given().get("/q/health/live").then().statusCode(200);
    }
}
