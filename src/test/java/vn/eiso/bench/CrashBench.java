package vn.eiso.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.support.Accounts;
import vn.eiso.support.ChildJvm;

/**
 * {@code ./bench crash [--kills=N] [--h2-only|--postgres-only] [--seed=N]}: durability under {@code kill -9}. The
 * application runs in a child JVM (demo province, on an H2 file database in a fresh folder, or on a fresh
 * PostgreSQL database dropped afterwards) while writers create, over HTTP, documents with revisions and files
 * (imports), nonconformities with a file, and with both their audit-trail entries. At a random moment the child is
 * killed with SIGKILL; then, with the server down, the database, the file store and the Lucene index are read
 * directly and checked: every write a client saw acknowledged is there with its trail entry, every row that names
 * a file has its exact bytes, files no row names are only those the crash left (the previous restart's sweep took
 * the older ones), and the index differs from the database only by what the search journal still holds. The server
 * is started again: import jobs the crash interrupted must finish with every file imported, and every acknowledged
 * write must become searchable. After the last round the server stops normally and the index must equal the
 * database exactly. {@link CrashTest} runs a short form in CI. The figures are printed; {@link Outcome#failures}
 * says whether anything was lost or half-written.
 */
public final class CrashBench {

    /** Every document and nonconformity the writers create holds this word, so one search lists them all. */
    static final String MARK = "crashmark";
    private static final String UNIT = "STP";
    private static final String IMPORTER = "thuky.stp";
    private static final String REPORTER = "congchuc.stp";
    /**
     * The sweep's grace in the child: short, so that a round's orphans are swept at the next start; the harness
     * waits this long after each kill before starting again, so that they are older than the grace by then.
     */
    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(4);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Database {
        H2, POSTGRES
    }

    private CrashBench() {
    }

    static void run(List<String> options) throws Exception {
        int kills = Bench.intOption(options, "--kills=", 20);
        long seed = options.stream().filter(o -> o.startsWith("--seed=")).map(o -> Long.parseLong(o.substring(7)))
                .findFirst().orElseGet(() -> new Random().nextLong());
        List<Outcome> outcomes = new ArrayList<>();
        if (!options.contains("--postgres-only")) {
            outcomes.add(run(Database.H2, kills, seed, System.out));
        }
        if (!options.contains("--h2-only")) {
            outcomes.add(run(Database.POSTGRES, kills, seed, System.out));
        }
        System.out.printf(Locale.ROOT, "%n== Summary (seed %d)%n", seed);
        outcomes.forEach(o -> System.out.println(o.summary()));
    }

    /** Kills the server {@code kills} times while writers run, checking after each kill and at the end. */
    public static Outcome run(Database database, int kills, long seed, PrintStream out) throws Exception {
        Random random = new Random(seed);
        Path work = Files.createTempDirectory("eiso-crash-");
        String postgres = database == Database.POSTGRES ? Postgres.create() : null;
        Outcome outcome = new Outcome(database, seed);
        out.printf(Locale.ROOT, "%n== Crash test on %s: %d kills, seed %d, folder %s%n", database, kills, seed, work);
        Ledger ledger = new Ledger();
        Store store = new Store(work.resolve("data"), postgres);
        // Before the first start the folder is empty: nothing older can be left unswept.
        Instant previousKill = Instant.now();
        Server server = Server.start(work, postgres, 0);
        try {
            server.awaitReady();
            server.awaitSweep();
            for (int round = 1; round <= kills; round++) {
                Writers writers = new Writers(server, ledger, round);
                long millis = 1_500 + random.nextInt(4_000);
                Thread.sleep(millis);
                // Every other round dies just after a client was answered: a commit still in the database's
                // write-behind buffer would be lost then.
                boolean afterAnswer = random.nextBoolean() && writers.awaitNextAcknowledgement(Duration.ofMinutes(1));
                Instant kill = Instant.now();
                server.kill();
                writers.stop();
                Round result = new Round(round, millis / 1000.0, afterAnswer, writers.acknowledged());
                writers.errors().forEach(e -> {
                    result.writerErrors++;
                    result.problem("writer: " + e);
                });
                store.check(ledger, previousKill, false, result);
                // The crash's orphans must be older than the grace when the next start sweeps.
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), kill.plus(GRACE)).toMillis() + 100));
                server = Server.start(work, postgres, round);
                long started = System.nanoTime();
                server.awaitReady();
                result.readySeconds = seconds(started);
                result.resumedJobs = server.finishResumedJobs(ledger, result);
                long ready = System.nanoTime();
                result.unsearchable = server.awaitSearchable(ledger);
                result.searchableSeconds = seconds(ready);
                server.awaitSweep();
                out.println(result.line(database));
                outcome.rounds.add(result);
                previousKill = kill;
            }
            server.stop();
            Round last = new Round(kills + 1, 0, false, 0);
            store.check(ledger, previousKill, true, last);
            outcome.last = last;
            out.println(last.finalLine(database));
            out.println(outcome.summary());
            return outcome;
        } catch (Exception | Error e) {
            out.println("the crash test stopped: " + e + "\n" + server.tail());
            throw e;
        } finally {
            server.kill();
            if (postgres != null) {
                Postgres.drop(postgres);
            }
            if (outcome.failures() == 0) {
                delete(work);
            } else {
                out.println("kept for a look: " + work);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits for a condition with a generous limit; what a slow machine changes is only how long it takes. */
    static void await(String what, Duration timeout, Condition condition) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not within " + timeout + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every run's counts, per round and at the end. */
    public static final class Outcome {

        final Database database;
        final long seed;
        final List<Round> rounds = new ArrayList<>();
        Round last;

        Outcome(Database database, long seed) {
            this.database = database;
            this.seed = seed;
        }

        /** Lost or half-written writes, orphans not swept, index differences, import jobs not completed. */
        public long failures() {
            return Stream.concat(rounds.stream(), Stream.ofNullable(last)).mapToLong(Round::failures).sum();
        }

        public long acknowledged() {
            return rounds.stream().mapToLong(r -> r.acknowledged).sum();
        }

        public String summary() {
            return String.format(Locale.ROOT, "%s: %d kills, %d writes acknowledged, %d failures (lost %d, "
                    + "half-written %d, orphans not swept %d, index missing %d, phantom %d, import jobs not "
                    + "completed %d, not searchable after restart %d); restart ready in %s s, searchable %s s later",
                    database, rounds.size(), acknowledged(), failures(), sum(r -> r.missing), sum(r -> r.halfWritten),
                    sum(r -> r.orphansNotSwept), sum(r -> r.indexMissing), sum(r -> r.indexPhantom),
                    sum(r -> r.brokenJobs), sum(r -> r.unsearchable), range(r -> r.readySeconds),
                    range(r -> r.searchableSeconds));
        }

        private long sum(java.util.function.ToLongFunction<Round> count) {
            return Stream.concat(rounds.stream(), Stream.ofNullable(last)).mapToLong(count).sum();
        }

        private String range(java.util.function.ToDoubleFunction<Round> value) {
            var stats = rounds.stream().mapToDouble(value).summaryStatistics();
            return rounds.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f–%.1f", stats.getMin(), stats.getMax());
        }
    }

    /** One kill and restart: what was acknowledged, and what the checks found. */
    static final class Round {

        final int number;
        final double killedAfter;
        final boolean afterAnswer;
        final int acknowledged;
        int checked;
        int missing;
        int halfWritten;
        int orphansLeft;
        int orphansNotSwept;
        int leftovers;
        int indexMissing;
        int indexPhantom;
        int journalPending;
        int brokenJobs;
        int writerErrors;
        int resumedJobs;
        int unsearchable;
        double readySeconds;
        double searchableSeconds;
        final List<String> problems = new ArrayList<>();

        Round(int number, double killedAfter, boolean afterAnswer, int acknowledged) {
            this.number = number;
            this.killedAfter = killedAfter;
            this.afterAnswer = afterAnswer;
            this.acknowledged = acknowledged;
        }

        long failures() {
            return (long) missing + halfWritten + orphansNotSwept + indexMissing + indexPhantom + brokenJobs
                    + unsearchable + writerErrors;
        }

        void problem(String text) {
            if (problems.size() < 10) {
                problems.add(text);
            }
        }

        String line(Database database) {
            return String.format(Locale.ROOT, "%s round %2d: killed %.1f s into the writers%s; %3d writes acknowledged "
                    + "(%d so far, found %d, missing %d); half-written %d; files the crash left %d, older not swept "
                    + "%d; index after the crash: missing %d, phantom %d beyond %d journalled; restart: ready %.1f s, "
                    + "%d interrupted import jobs finished, every acknowledged write searchable %.1f s later "
                    + "(%d not)%s", database, number, killedAfter, afterAnswer ? ", just after an answer" : "",
                    acknowledged, checked, checked - missing, missing,
                    halfWritten, orphansLeft, orphansNotSwept, indexMissing, indexPhantom, journalPending,
                    readySeconds, resumedJobs, searchableSeconds, unsearchable, problemsText());
        }

        String finalLine(Database database) {
            return String.format(Locale.ROOT, "%s after a normal stop: %d writes acknowledged, found %d, missing %d; "
                    + "half-written %d; files no row names older than the last kill %d; index equals the database: "
                    + "missing %d, phantom %d (journal %d)%s", database, checked, checked - missing, missing,
                    halfWritten, orphansNotSwept, indexMissing, indexPhantom, journalPending, problemsText());
        }

        private String problemsText() {
            return problems.isEmpty() ? "" : "\n    !!! " + String.join("\n    !!! ", problems);
        }
    }

    /** What the clients saw acknowledged, kept across rounds: every check looks at all of it. */
    static final class Ledger {

        /** Reported nonconformities by id, with the SHA-256 of the file each was sent with. */
        final Map<Long, String> reports = new ConcurrentHashMap<>();
        /** Import jobs answered 202, with the codes their files carry. */
        final Map<Long, List<String>> accepted = new ConcurrentHashMap<>();
        /** Jobs seen DONE with every file IMPORTED (before a kill, or after the restart that resumed them). */
        final Set<Long> done = ConcurrentHashMap.newKeySet();
        /**
         * Acknowledged writes a check found missing (codes, NC-id, #job): counted once, and not waited for in
         * search.
         */
        final Set<String> lost = ConcurrentHashMap.newKeySet();

        List<String> doneCodes() {
            return done.stream().flatMap(id -> accepted.get(id).stream()).toList();
        }

        /** What search must find: the codes of imported documents and the labels of nonconformities. */
        Set<String> searchable() {
            Set<String> codes = new HashSet<>(doneCodes());
            reports.keySet().forEach(id -> codes.add("NC-" + id));
            codes.removeAll(lost);
            return codes;
        }
    }

    /** The application in its own JVM, on a free port, its output in a log of its own per start. */
    static final class Server {

        private final Process process;
        private final Path log;
        private final String base;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        private Server(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.base = "http://127.0.0.1:" + port;
        }

        static Server start(Path work, String postgres, int start) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = work.resolve("app-" + start + ".log");
            List<String> command = new ArrayList<>(List.of(ChildJvm.tool("java"), "-Xmx512m", "-cp",
                    ChildJvm.classpath(), "vn.eiso.Application",
                    "--spring.profiles.active=demo" + (postgres != null ? ",postgres" : ""),
                    "--server.port=" + port, "--eiso.data-dir=" + work.resolve("data"),
                    "--eiso.files.orphan-grace=" + GRACE, "--logging.level.root=WARN",
                    "--logging.level.vn.eiso.document.FileSweep=INFO",
                    // The front end is never loaded here; the packaged bundle is served as in production.
                    "--vaadin.productionMode=true"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("EISO_") || k.startsWith("SPRING_")
                    || k.equals("PORT"));
            if (postgres != null) {
                builder.environment().put("EISO_DB_URL", Postgres.url(postgres));
            }
            return new Server(builder.start(), log, port);
        }

        void awaitReady() throws Exception {
            await("the application answers (see " + log + ")", START_TIMEOUT, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the application stopped:\n" + tail());
                }
                try {
                    return send(request("/api/v1/search?limit=1&q=" + MARK, IMPORTER).GET()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        }

        /** The sweep after start-up has logged its result. */
        void awaitSweep() throws Exception {
            await("the file store's sweep after start-up (see " + log + ")", RECOVERY_TIMEOUT,
                    () -> logText().contains("File store swept:"));
        }

        /** Waits for every job the crash interrupted; returns how many there were. */
        int finishResumedJobs(Ledger ledger, Round round) throws Exception {
            int resumed = 0;
            for (var job : ledger.accepted.entrySet()) {
                if (ledger.done.contains(job.getKey()) || ledger.lost.contains("#" + job.getKey())) {
                    continue;
                }
                resumed++;
                JsonNode state = null;
                long end = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
                while (System.nanoTime() < end) {
                    HttpResponse<String> response = send(request("/api/v1/imports/" + job.getKey() + "?wait=20",
                            IMPORTER).GET());
                    state = JSON.readTree(response.body());
                    if (response.statusCode() != 200 || finished(state)) {
                        break;
                    }
                }
                String problem = problem(state, job.getValue());
                if (problem == null) {
                    ledger.done.add(job.getKey());
                } else {
                    ledger.lost.add("#" + job.getKey());
                    round.brokenJobs++;
                    round.problem("import #" + job.getKey() + " after the restart: " + problem);
                }
            }
            return resumed;
        }

        /**
         * Polls the search API until every acknowledged write is found; returns how many were still not found
         * when the time was up.
         */
        int awaitSearchable(Ledger ledger) throws Exception {
            Set<String> wanted = ledger.searchable();
            long end = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
            Set<String> found = new HashSet<>();
            while (System.nanoTime() < end) {
                found = searchAll();
                if (found.containsAll(wanted)) {
                    return 0;
                }
                Thread.sleep(250);
            }
            Set<String> missing = new HashSet<>(wanted);
            missing.removeAll(found);
            return missing.size();
        }

        /** Every hit of the writers' word in the unit, outdated revisions included, by code. */
        private Set<String> searchAll() throws Exception {
            Set<String> codes = new HashSet<>();
            for (int offset = 0;; offset += 100) {
                HttpResponse<String> response = send(request("/api/v1/search?unit=" + UNIT + "&outdated=true"
                        + "&sort=newest&limit=100&offset=" + offset + "&q=" + URLEncoder.encode(MARK,
                                StandardCharsets.UTF_8), IMPORTER).GET());
                JsonNode page = JSON.readTree(response.body());
                page.path("hits").forEach(h -> codes.add(h.path("code").asString()));
                if (page.path("hits").size() < 100) {
                    return codes;
                }
            }
        }

        HttpRequest.Builder request(String path, String user) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                            + Accounts.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }

        /**
         * Sends, and on 429 waits as told and asks again, as a script should: sign-in attempts in flight when the
         * server was killed stay counted (each is counted before its password is checked), so after a few kills
         * an account's next HTTP Basic calls may be throttled for a second or two.
         */
        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            for (int attempt = 1;; attempt++) {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || attempt == 6) {
                    return response;
                }
                Thread.sleep(Math.min(30, response.headers().firstValueAsLong("Retry-After").orElse(1)) * 1000);
            }
        }

        /** SIGKILL: no shutdown hook, no flush, no orderly close of the database or the index. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        /** SIGTERM: the orderly stop. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the application did not stop within 2 minutes:\n" + tail());
            }
        }

        String logText() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        String tail() {
            List<String> lines = logText().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    static boolean finished(JsonNode job) {
        String state = job.path("state").asString();
        return state.equals("DONE") || state.equals("FAILED");
    }

    /** Why a finished job is not every file imported, or null when it is. */
    static String problem(JsonNode job, List<String> codes) {
        if (job == null || !job.path("state").asString().equals("DONE")) {
            return job == null ? "no answer" : "state " + job.path("state").asString() + " " + job.path("error");
        }
        Set<String> imported = new HashSet<>();
        for (JsonNode verdict : job.path("files")) {
            String outcome = verdict.path("outcome").asString();
            if (outcome.equals("IMPORTED")) {
                imported.add(verdict.path("code").asString());
            } else if (!outcome.equals("NOTICE")) {
                return verdict.path("file").asString() + " " + outcome + " " + verdict.path("message").asString();
            }
        }
        return imported.equals(new HashSet<>(codes)) ? null : "imported " + imported + ", sent " + codes;
    }

    /**
     * Two import writers, two reporters and one report refused after storing a file, each on its own thread, until
     * the server dies under them.
     */
    static final class Writers {

        private final List<Thread> threads = new ArrayList<>();
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running = true;

        Writers(Server server, Ledger ledger, int round) {
            for (String name : List.of("A", "B")) {
                threads.add(Thread.ofPlatform().name("importer-" + name).start(() ->
                        loop(() -> importOnce(server, ledger, round + name))));
                threads.add(Thread.ofPlatform().name("reporter-" + name).start(() ->
                        loop(() -> reportOnce(server, ledger, round + name))));
            }
            threads.add(Thread.ofPlatform().name("refused").start(() -> loop(() -> refusedOnce(server))));
        }

        interface Write {
            void once() throws Exception;
        }

        private void loop(Write write) {
            try {
                while (running) {
                    write.once();
                }
            } catch (IOException e) {
                // The server was killed under the request: whatever it did not answer was not acknowledged.
            } catch (Exception e) {
                // A refusal while the server ran means the writers test nothing; it counts against the run.
                errors.add(e.toString());
            }
        }

        private final AtomicInteger sequence = new AtomicInteger();

        /** A ZIP of three text files with a manifest; acknowledged by 202, and by DONE once every file is in. */
        private void importOnce(Server server, Ledger ledger, String writer) throws Exception {
            int n = sequence.incrementAndGet();
            List<String> codes = new ArrayList<>();
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                StringBuilder manifest = new StringBuilder("file,code,title,type,revision\n");
                for (int i = 1; i <= 3; i++) {
                    String code = "CR-" + writer + "-" + n + "-" + i;
                    codes.add(code);
                    out.putNextEntry(new ZipEntry(code + ".txt"));
                    out.write(("Tài liệu kiểm thử " + MARK + " " + code + "\n" + UUID.randomUUID() + "\n"
                            + ("Quy trình tiếp nhận và trả kết quả hồ sơ, lần " + n + ".\n").repeat(20))
                            .getBytes(StandardCharsets.UTF_8));
                    manifest.append(code).append(".txt,").append(code).append(",Tài liệu ").append(MARK)
                            .append(' ').append(code).append(",PROCEDURE,1\n");
                }
                out.putNextEntry(new ZipEntry("manifest.csv"));
                out.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            }
            String boundary = "----crash" + UUID.randomUUID();
            byte[] body = concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + writer + "-" + n + ".zip\"\r\nContent-Type: application/zip\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8), zip.toByteArray(), ("\r\n--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> accepted = server.send(server.request("/api/v1/units/" + UNIT
                    + "/documents/import", IMPORTER).header("Content-Type", "multipart/form-data; boundary="
                    + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("import refused: " + accepted.statusCode() + " " + accepted.body());
            }
            long id = JSON.readTree(accepted.body()).path("id").asLong();
            ledger.accepted.put(id, codes);
            acknowledge(codes.size());
            JsonNode job = JSON.readTree(accepted.body());
            while (!finished(job)) {
                job = JSON.readTree(server.send(server.request("/api/v1/imports/" + id + "?wait=10", IMPORTER)
                        .GET()).body());
            }
            String problem = problem(job, codes);
            if (problem != null) {
                throw new IllegalStateException("import #" + id + " while the server ran: " + problem);
            }
            ledger.done.add(id);
        }

        /** A staff report with one small file; acknowledged by 201. */
        private void reportOnce(Server server, Ledger ledger, String writer) throws Exception {
            byte[] file = ("Ảnh chụp phiếu hẹn " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            String body = JSON.writeValueAsString(Map.of("source", "STAFF", "description", "Sự cố kiểm thử " + MARK
                    + " " + writer + "-" + sequence.incrementAndGet(), "files", List.of(Map.of("name",
                            "phieu-hen.txt", "content", Base64.getEncoder().encodeToString(file)))));
            HttpResponse<String> created = server.send(server.request("/api/v1/units/" + UNIT + "/nonconformities",
                    REPORTER).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                            .ofString(body)));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("report refused: " + created.statusCode() + " " + created.body());
            }
            ledger.reports.put(JSON.readTree(created.body()).path("id").asLong(), sha256(file));
            acknowledge(1);
        }

        /**
         * A report whose second file is empty: refused after the first was stored, so its transaction leaves a
         * file no row names — what the sweep is for, in every round.
         */
        private void refusedOnce(Server server) throws Exception {
            String body = JSON.writeValueAsString(Map.of("source", "STAFF", "description", "Sự cố bị từ chối " + MARK,
                    "files", List.of(Map.of("name", "anh.txt", "content", Base64.getEncoder().encodeToString(
                            ("Ảnh " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))),
                            Map.of("name", "rong.txt", "content", ""))));
            HttpResponse<String> refused = server.send(server.request("/api/v1/units/" + UNIT + "/nonconformities",
                    REPORTER).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                            .ofString(body)));
            if (refused.statusCode() != 400) {
                throw new IllegalStateException("an empty file was not refused: " + refused.statusCode() + " "
                        + refused.body());
            }
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
            }
            return out.toByteArray();
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread thread : threads) {
                thread.join(Duration.ofMinutes(2));
            }
        }

        int acknowledged() {
            return acknowledged.get();
        }

        private synchronized void acknowledge(int writes) {
            acknowledged.addAndGet(writes);
            notifyAll();
        }

        /** Returns as soon as the next write is acknowledged; false if none came in time. */
        synchronized boolean awaitNextAcknowledgement(Duration timeout) throws InterruptedException {
            int before = acknowledged.get();
            long end = System.nanoTime() + timeout.toNanos();
            while (acknowledged.get() == before) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        }

        List<String> errors() {
            return List.copyOf(errors);
        }
    }

    /** The database, the file store and the index, read directly while the server is down. */
    static final class Store {

        private final Path data;
        private final String postgres;

        Store(Path data, String postgres) {
            this.data = data;
            this.postgres = postgres;
        }

        /**
         * Checks everything acknowledged so far. Files no row names that are older than {@code sweptBefore} should
         * have gone with the previous start's sweep. After a kill the index may lag the database by what the
         * search journal holds; after a normal stop ({@code exact}) it must equal it.
         */
        void check(Ledger ledger, Instant sweptBefore, boolean exact, Round round) throws Exception {
            try (Connection db = connect()) {
                checkAcknowledged(db, ledger, round);
                Set<String> named = checkFiles(db, round);
                checkOrphans(named, sweptBefore, round);
                checkIndex(db, exact, round);
            }
        }

        private Connection connect() throws SQLException, IOException {
            if (postgres != null) {
                return DriverManager.getConnection(Postgres.url(postgres), "postgres", "");
            }
            // A read-only copy: the server's own start must be the first to recover the database after the kill, and
            // the killed server's lock file (AUTO_SERVER) stays beside the original for that start to take over.
            Path copy = Files.createDirectories(data.resolveSibling("check")).resolve("eiso.mv.db");
            Files.copy(data.resolve("eiso.mv.db"), copy, StandardCopyOption.REPLACE_EXISTING);
            return DriverManager.getConnection("jdbc:h2:file:" + copy.getParent().resolve("eiso")
                    + ";ACCESS_MODE_DATA=r;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
        }

        private void checkAcknowledged(Connection db, Ledger ledger, Round round) throws SQLException {
            Map<Long, String> reportFiles = pairs(db, "select nc_id, sha256 from nc_file", r -> r.getString(2));
            Set<String> reportTrail = strings(db, "select target_id from audit_event where action = 'NC_REPORTED'");
            for (var report : ledger.reports.entrySet()) {
                round.checked++;
                if (ledger.lost.contains("NC-" + report.getKey())) {
                    continue;
                }
                if (!report.getValue().equals(reportFiles.get(report.getKey()))
                        || !reportTrail.contains(report.getKey().toString())) {
                    round.missing++;
                    ledger.lost.add("NC-" + report.getKey());
                    round.problem("nonconformity " + report.getKey() + " acknowledged, not (all) there: file "
                            + reportFiles.get(report.getKey()) + ", trail " + reportTrail.contains(report.getKey()
                                    .toString()));
                }
            }
            Map<String, Long> documents = new HashMap<>();
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select d.code, d.id from document d "
                    + "join unit u on u.id = d.unit_id where u.code = '" + UNIT + "' and exists (select 1 from "
                    + "revision v join attachment a on a.revision_id = v.id where v.document_id = d.id)")) {
                while (r.next()) {
                    documents.put(r.getString(1), r.getLong(2));
                }
            }
            Set<String> importTrail = strings(db, "select target_id from audit_event where action = "
                    + "'DOCUMENT_IMPORTED'");
            for (String code : ledger.doneCodes()) {
                round.checked++;
                if (ledger.lost.contains(code)) {
                    continue;
                }
                Long id = documents.get(code);
                if (id == null || !importTrail.contains(id.toString())) {
                    round.missing++;
                    ledger.lost.add(code);
                    round.problem("imported file " + code + " acknowledged, not (all) there: document " + id);
                }
            }
            Set<String> jobs = strings(db, "select id from import_job");
            for (Long job : ledger.accepted.keySet()) {
                if (!ledger.done.contains(job) && !ledger.lost.contains("#" + job)) {
                    int files = ledger.accepted.get(job).size();
                    round.checked += files;
                    if (!jobs.contains(job.toString())) {
                        round.missing += files;
                        ledger.lost.add("#" + job);
                        round.problem("import #" + job + " answered 202, no job");
                    }
                }
            }
        }

        /** Every row naming a file has exactly its bytes; returns every hash some row names. */
        private Set<String> checkFiles(Connection db, Round round) throws Exception {
            Set<String> named = new HashSet<>();
            for (String query : List.of("select sha256 from attachment", "select sha256 from nc_file",
                    "select sha256 from audit_item_file", "select decision_sha256 from announcement",
                    "select signed_sha256 from announcement where signed_sha256 is not null")) {
                named.addAll(strings(db, query));
            }
            for (String sha : named) {
                Path file = data.resolve("files").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4))
                        .resolve(sha);
                if (!Files.exists(file) || !sha.equals(sha256(Files.readAllBytes(file)))) {
                    round.halfWritten++;
                    round.problem("a row names " + sha + ", the store " + (Files.exists(file) ? "holds other bytes"
                            : "has no such file"));
                }
            }
            for (String revision : strings(db, "select v.id from revision v where v.import_job_id is not null and "
                    + "not exists (select 1 from attachment a where a.revision_id = v.id)")) {
                round.halfWritten++;
                round.problem("imported revision " + revision + " has no file");
            }
            return named;
        }

        private void checkOrphans(Set<String> named, Instant sweptBefore, Round round) throws IOException {
            Path root = data.resolve("files");
            if (!Files.isDirectory(root)) {
                return;
            }
            try (Stream<Path> files = Files.find(root, 3, (p, a) -> a.isRegularFile())) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    boolean old = Files.getLastModifiedTime(file).toInstant().isBefore(sweptBefore);
                    if (!name.matches("[0-9a-f]{64}")) {
                        round.leftovers++;
                        if (old) {
                            round.orphansNotSwept++;
                            round.problem("leftover " + name + " survived the sweep");
                        }
                    } else if (!named.contains(name)) {
                        if (old) {
                            round.orphansNotSwept++;
                            round.problem("no row names " + name + ", older than the last sweep's cutoff");
                        } else {
                            round.orphansLeft++;
                        }
                    }
                }
            }
        }

        /**
         * The index's entries (key → the owner they are replaced with) against the database's. A difference is
         * covered when the journal names its owner after the index's position: the next start applies it.
         */
        private void checkIndex(Connection db, boolean exact, Round round) throws Exception {
            Map<String, String> expected = new HashMap<>();
            Map<Long, Long> documentOfRevision = pairs(db, "select id, document_id from revision", r -> r.getLong(2));
            documentOfRevision.forEach((revision, document) -> expected.put("revision:" + revision,
                    "document:" + document));
            strings(db, "select d.id from document d where not exists (select 1 from revision v where v.document_id "
                    + "= d.id)").forEach(id -> expected.put("document:" + id, "document:" + id));
            strings(db, "select id from record_entry").forEach(id -> expected.put("record:" + id, "record:" + id));
            strings(db, "select id from nonconformity").forEach(id -> expected.put("nc:" + id, "nc:" + id));
            Set<String> journalled = new HashSet<>();
            try (PreparedStatement s = db.prepareStatement(
                    "select target_type, target_id from search_journal where seq is null or seq > ?")) {
                s.setLong(1, indexPosition());
                ResultSet r = s.executeQuery();
                while (r.next()) {
                    round.journalPending++;
                    long id = r.getLong(2);
                    // The audit-trail target types the sources listen to (DocumentSearchSource, Nonconformities).
                    switch (r.getString(1)) {
                        case "DOCUMENT" -> journalled.add("document:" + id);
                        case "REVISION" -> journalled.add("document:" + documentOfRevision.get(id));
                        case "RECORD" -> journalled.add("record:" + id);
                        case "NONCONFORMITY" -> journalled.add("nc:" + id);
                        default -> {
                        }
                    }
                }
            }
            // Only the kinds the writers change are compared; audits, reviews, models and the rest of the demo's
            // searchable kinds are neither written nor listed here.
            Map<String, String> indexed = indexed();
            indexed.keySet().removeIf(key -> !key.matches("(revision|document|record|nc):\\d+"));
            for (var entry : expected.entrySet()) {
                if (!indexed.containsKey(entry.getKey()) && (exact || !journalled.contains(entry.getValue()))) {
                    round.indexMissing++;
                    round.problem("index misses " + entry.getKey());
                }
            }
            for (var entry : indexed.entrySet()) {
                if (!expected.containsKey(entry.getKey()) && (exact || !journalled.contains(entry.getValue()))) {
                    round.indexPhantom++;
                    round.problem("index holds " + entry.getKey() + ", the database does not");
                }
            }
        }

        /** The last commit of the index, as a start opens it: key → history (the owner, for these entries). */
        /** The last journal entry the index on disk has applied, as its last commit says. */
        private long indexPosition() throws IOException {
            try (FSDirectory directory = FSDirectory.open(data.resolve("index"));
                    DirectoryReader reader = DirectoryReader.open(directory)) {
                return Long.parseLong(reader.getIndexCommit().getUserData().getOrDefault("journal", "0"));
            }
        }

        private Map<String, String> indexed() throws IOException {
            Map<String, String> entries = new LinkedHashMap<>();
            try (FSDirectory directory = FSDirectory.open(data.resolve("index"));
                    DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    LeafReader segment = leaf.reader();
                    Bits live = segment.getLiveDocs();
                    StoredFields stored = segment.storedFields();
                    for (int doc = 0; doc < segment.maxDoc(); doc++) {
                        if (live == null || live.get(doc)) {
                            var fields = stored.document(doc, Set.of("key", "history"));
                            entries.put(fields.get("key"), fields.get("history"));
                        }
                    }
                }
            }
            return entries;
        }

        /** A reader of one result row. */
        private interface Row<T> {
            T read(ResultSet r) throws SQLException;
        }

        private static <T> List<T> rows(Connection db, String query, Row<T> row) throws SQLException {
            List<T> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(query)) {
                while (r.next()) {
                    out.add(row.read(r));
                }
            }
            return out;
        }

        private static Set<String> strings(Connection db, String query) throws SQLException {
            return new HashSet<>(rows(db, query, r -> r.getString(1)));
        }

        private static <V> Map<Long, V> pairs(Connection db, String query, Row<V> value) throws SQLException {
            Map<Long, V> out = new HashMap<>();
            for (Map.Entry<Long, V> pair : rows(db, query, r -> Map.entry(r.getLong(1), value.read(r)))) {
                out.put(pair.getKey(), pair.getValue());
            }
            return out;
        }
    }

    /** A database of its own on the local server, named for this run and dropped after it. */
    static final class Postgres {

        private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

        private Postgres() {
        }

        static String url(String name) {
            return SERVER + name;
        }

        static String create() throws SQLException {
            String name = "eiso_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection db = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                    Statement s = db.createStatement()) {
                s.execute("create database " + name);
            }
            return name;
        }

        static void drop(String name) {
            try (Connection db = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                    Statement s = db.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop the database " + name, e);
            }
        }
    }
}
