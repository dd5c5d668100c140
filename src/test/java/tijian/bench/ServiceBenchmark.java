package tijian.bench;

import static tijian.bench.CheckBenchmark.load;
import static tijian.bench.CheckBenchmark.ms;
import static tijian.bench.CheckBenchmark.pct;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tijian.testsupport.SampleReports;

/**
 * The packaged service as a user runs it (embedded PostgreSQL in a fresh data folder, its own copy of the rules),
 * measured from outside over HTTP with the JDK's client: time from start to the first answered check, checks per
 * second and latency at 1, 4 and 16 clients with every check stored, resident memory, how soon a saved rule file
 * serves, and optionally a large audit end to end with the service's peak heap, then its Excel export with the same.
 */
final class ServiceBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench-password-0123";
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private ServiceBenchmark() {}

    static void run(int seconds, int auditReports) throws Exception {
        System.out.printf("== the packaged service over HTTP (%s) ==%n", load());
        if (!Files.exists(JAR)) {
            System.out.println("no " + JAR + ": build it first (mvn -B package -DskipTests), as the README's command does");
            return;
        }
        Path work = Files.createTempDirectory("tijian-bench");
        Path rules = work.resolve("rules");
        copyTree(Path.of("rules"), rules);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
        List<byte[]> samples = SampleReports.ALL.stream().map(n -> SampleReports.text(n).getBytes(StandardCharsets.UTF_8)).toList();

        long started = System.nanoTime();
        Process service = start(work, rules, port, Math.max(5000, auditReports), System.getProperty("bench.jfr"));
        try {
            String firstRevision = firstCheck(http, base, samples.get(0), service, work);
            System.out.printf("start to first answered check: %.1f s (fresh data folder: embedded PostgreSQL initdb and start,"
                    + " rule compile, examples)  [%s]%n", (System.nanoTime() - started) / 1e9, load());

            for (int clients : new int[] {1, 4, 16}) {
                drive(http, base, samples, clients, Math.max(2, seconds / 2));        // warm-up, not counted
                Result r = drive(http, base, samples, clients, seconds);
                System.out.printf("HTTP %2d clients: %7.1f checks/s, p50 %6.1f ms, p99 %6.1f ms, %d checks, %d errors%s  [%s]%n",
                        clients, r.perSecond, r.p50, r.p99, r.count, r.errors,
                        clients == 16 ? String.format("; target ≥ 1000/s with p99 ≤ 50 ms: %s",
                                r.perSecond >= 1000 && r.p99 <= 50 ? "met" : "MISSED") : "", load());
            }
            System.out.printf("resident memory after the load: %s  [%s]%n", memory(service.pid()), load());

            ruleChange(http, base, samples.get(0), rules, firstRevision);

            if (auditReports > 0) {
                audit(http, base, samples, auditReports, service.pid());
            }
        } finally {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        long restarted = System.nanoTime();
        Process again = start(work, rules, port, 5000, null);
        try {
            firstCheck(http, base, samples.get(0), again, work);
            System.out.printf("restart to first answered check (same data folder): %.1f s  [%s]%n", (System.nanoTime() - restarted) / 1e9, load());
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Starts the jar; {@code jfr}, when given, is where the service's flight recording is written as it ends. */
    private static Process start(Path work, Path rules, int port, int maxAuditFiles, String jfr) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dchecker.data.dir=" + work.resolve("data"),
                "-Dchecker.rules.dir=" + rules,
                "-Dchecker.auth.admin-password=" + PASSWORD,
                // the limits protect a public service from one client; the benchmark is that one client
                "-Dchecker.rate-limit.checks-per-minute=100000000",
                "-Dchecker.rate-limit.anonymous-checks-per-minute=100000000",
                "-Dchecker.audit.max-files=" + maxAuditFiles));
        // -Dbench.heap=512m runs the service within that heap: peak "heap used" counts uncollected garbage, a cap does not
        String heap = System.getProperty("bench.heap", "");
        if (!heap.isBlank()) {
            command.add("-Xmx" + heap);
        }
        if (jfr != null && !jfr.isBlank()) {
            command.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath() + ",settings=profile");
        }
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("service.log").toFile())).start();
    }

    /** Sends a check every 100 ms until one is answered; returns the rule revision it names. */
    private static String firstCheck(HttpClient http, URI base, byte[] body, Process service, Path work) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < giveUp) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service ended; see " + work.resolve("service.log"));
            }
            try {
                HttpResponse<String> r = http.send(check(base, body), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return JSON.readTree(r.body()).path("ruleSet").path("revision").asText();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no check answered within 5 minutes; see " + work.resolve("service.log"));
    }

    private static HttpRequest check(URI base, byte[] body) {
        return HttpRequest.newBuilder(base.resolve("/api/checks?fileName=bench.txt"))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private record Result(double perSecond, double p50, double p99, int count, int errors) {}

    /** {@code clients} threads, each sending the samples in turn and waiting for each answer, for {@code seconds}. */
    private static Result drive(HttpClient http, URI base, List<byte[]> samples, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger errors = new AtomicInteger();
        List<Future<double[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                double[] times = new double[1 << 16];
                int n = 0;
                for (int i = offset; System.nanoTime() < end && n < times.length; i++) {
                    long a = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(check(base, samples.get(i % samples.size())), HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    times[n++] = ms(System.nanoTime() - a);
                }
                return Arrays.copyOf(times, n);
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<double[]> f : futures) {
            for (double t : f.get()) all.add(t);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        double[] times = all.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(times.length / elapsed, pct(times, times.length, 50), pct(times, times.length, 99), times.length, errors.get());
    }

    /** Saves a rule data file the way an editor does and polls checks until one names the new revision. */
    private static void ruleChange(HttpClient http, URI base, byte[] body, Path rules, String before) throws Exception {
        Path settings = rules.resolve("data/settings.csv");
        long saved = System.nanoTime();
        Files.writeString(settings, "\n# benchmark " + saved + "\n", StandardOpenOption.APPEND);
        long giveUp = saved + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < giveUp) {
            HttpResponse<String> r = http.send(check(base, body), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && !JSON.readTree(r.body()).path("ruleSet").path("revision").asText().equals(before)) {
                double s = (System.nanoTime() - saved) / 1e9;
                System.out.printf("save a rule file to the new revision answering checks: %.2f s; target ≤ 2 s: %s  [%s]%n",
                        s, s <= 2 ? "met" : "MISSED", load());
                return;
            }
            Thread.sleep(20);
        }
        System.out.println("save a rule file: the new revision did not serve within 2 minutes (MISSED)");
    }

    /** A zip of {@code count} distinct reports (the samples, each copy numbered) as one audit, polled until it finishes. */
    private static void audit(HttpClient http, URI base, List<byte[]> samples, int count, long pid) throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry("report-" + i + ".txt"));
                zip.write(samples.get(i % samples.size()));
                zip.write(("\n（第" + i + "份）\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        String boundary = "bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audit.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(zipped.toByteArray());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/audits"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", auth)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            System.out.println("audit refused: " + r.statusCode() + " " + r.body());
            return;
        }
        double accepted = (System.nanoTime() - start) / 1e9;
        String id = JSON.readTree(r.body()).path("id").asText();
        long peakHeap = 0;
        JsonNode audit = null;
        while (audit == null || !"finished".equals(audit.path("status").asText())) {
            Thread.sleep(1000);
            peakHeap = Math.max(peakHeap, heapUsed(pid));
            HttpResponse<String> s = http.send(HttpRequest.newBuilder(base.resolve("/api/audits/" + id)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (s.statusCode() == 200) {
                audit = JSON.readTree(s.body());
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("audit of %,d reports: accepted after %.1f s, finished after %.1f s (%d done, %d failed, %.0f reports/s);"
                        + " peak heap used %d MB (sampled each second); target ≤ 60 s and ≤ 512 MB: %s; %s  [%s]%n",
                count, accepted, total, audit.path("done").asInt(), audit.path("failed").asInt(), count / total, peakHeap >> 20,
                total <= 60 && (peakHeap >> 20) <= 512 ? "met" : "MISSED", memory(pid), load());
        export(http, base, auth, id, count, pid);
    }

    /** The audit's workbook downloaded (and thrown away) while the service's heap is sampled. */
    private static void export(HttpClient http, URI base, String auth, String id, int count, long pid) throws Exception {
        AtomicLong peakHeap = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peakHeap.accumulateAndGet(heapUsed(pid), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(base.resolve("/api/audits/" + id + "/export.xlsx"))
                .header("Authorization", auth).timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        double headers = (System.nanoTime() - start) / 1e9;
        long bytes;
        try (InputStream in = r.body()) {
            bytes = in.transferTo(OutputStream.nullOutputStream());
        }
        double total = (System.nanoTime() - start) / 1e9;
        done.set(true);
        sampler.join();
        System.out.printf("xlsx export of %,d reports: HTTP %d, %.2f MB, first bytes after %.1f s, complete after %.1f s;"
                        + " peak heap used %d MB (sampled every 0.2 s); target ≤ 512 MB: %s; %s  [%s]%n",
                count, r.statusCode(), bytes / 1e6, headers, total, peakHeap.get() >> 20,
                r.statusCode() == 200 && (peakHeap.get() >> 20) <= 512 ? "met" : "MISSED", memory(pid), load());
    }

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    /** Heap in use now, from {@code jcmd GC.heap_info} (the JDK's own tool, nothing to install). */
    private static long heapUsed(long pid) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Matcher m = HEAP_USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    /** VmRSS and VmHWM (the peak) of the service process. */
    private static String memory(long pid) {
        try {
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            return "resident " + kb(status, "VmRSS") + " MB (peak " + kb(status, "VmHWM") + " MB)";
        } catch (IOException e) {
            return "resident memory unknown (no /proc)";
        }
    }

    private static long kb(String status, String field) {
        Matcher m = Pattern.compile(field + ":\\s+(\\d+) kB").matcher(status);
        return m.find() ? Long.parseLong(m.group(1)) >> 10 : -1;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
