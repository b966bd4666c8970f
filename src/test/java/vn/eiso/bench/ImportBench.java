package vn.eiso.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.search.LegalCorpus;
import vn.eiso.search.SearchEntry;
import vn.eiso.support.Accounts;
import vn.eiso.support.ChildJvm;

/**
 * {@code ./bench import [--corpus=PATH] [--files=N] [--tmp=DIR] [--profile]}: the legal corpus split into
 * articles as {@code ./bench search} splits it, N of them (default 6,000: every k-th article of at least 500 bytes,
 * so spread over the whole corpus) and the articles that answer the known-item set (see {@link KnownItemsOverApi},
 * asked through the API once imported) as one ZIP of .txt files with a {@code manifest.csv} whose titles hold commas
 * and quotes (written by Commons CSV as a spreadsheet writes them), imported through
 * {@code POST /api/v1/units/STP/documents/import} into the application running in a child JVM with
 * {@code -Xmx512m} (H2 files in a fresh folder, demo data, the real clock). Prints files/s, MB/s of text, the
 * child's peak heap and the time until the last file is searchable, against a baseline in the same process: one
 * file through the same API. {@code --tmp=DIR} puts the archive and the application's data there (the system's
 * temporary folder by default; {@code /dev/shm} shows what the disk's fsyncs cost); {@code --profile} samples the
 * import's threads (see {@link Stacks}).
 */
final class ImportBench {

    private static final String UNIT = "STP";
    private static final String USER = "thuky.stp";
    private static final String HEAP = "-Xmx512m";
    private static final double TARGET_SECONDS = 60;
    /** Shorter articles are mostly amendment stubs ("Điều 5. (bãi bỏ)"), not what a unit keeps as a document. */
    private static final int MIN_BYTES = 500;
    /** The register's limit on a title: a longer one is cut at a word, as whoever fills a spreadsheet would. */
    private static final int MAX_TITLE = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Refusals that mean the manifest was misread: a quoted comma or quote split or shifted a line. */
    private static final Set<String> QUOTING = Set.of("error.sheet.malformed", "error.sheet.notUtf8",
            "error.sheet.missingColumn", "error.sheet.empty", "error.sheet.unreadable", "import.error.manifestMissing",
            "import.error.manifestType", "import.error.manifestDate", "import.error.manifestRevision",
            "import.error.manifestDuplicate", "import.error.manifestNoFile", "import.error.manifestLineRefused",
            "import.error.nameWithoutCode", "import.error.unknownPrefix", "error.document.codeInvalid",
            "error.document.codeRequired", "error.document.titleRequired");
    /** Refusals by a limit of size, count or time. */
    private static final Set<String> LIMITS = Set.of("import.error.tooLarge", "import.error.tooManyEntries",
            "error.sheet.tooManyRows", "error.file.tooLarge", "error.file.tooSlow", "error.file.busy",
            "error.file.compressionBomb", "error.file.compressionBombTotal", "error.file.compressionBombEntries",
            "error.file.nameTooLong", "error.document.titleTooLong");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportBench() {
    }

    static void run(List<String> options) throws Exception {
        Path corpus = Path.of(SearchBench.option(options, "--corpus=", "../shared/corpus/vn-legal.jsonl.gz"));
        int wanted = Bench.intOption(options, "--files=", 6_000);
        // --tmp=/dev/shm puts the application's data on tmpfs, where fsync costs nothing: the disk's share.
        String tmp = SearchBench.option(options, "--tmp=", System.getProperty("java.io.tmpdir"));
        Path work = Files.createTempDirectory(Path.of(tmp), "eiso-bench-import");
        try {
            long start = System.nanoTime();
            KnownItemsOverApi known = new KnownItemsOverApi();
            Archive archive = Archive.write(corpus, wanted, known, work.resolve("vn-legal.zip"));
            double written = seconds(start);
            System.out.printf(Locale.ROOT, "%n== Import: %,d articles of the legal corpus as one ZIP (%,.1f MB of "
                    + "text, %,.1f MB zipped, manifest.csv %,.1f MB with %,d titles holding a comma and %,d a double "
                    + "quote, %,d cut to %d characters); %d cores; data under %s%n", archive.files(),
                    archive.textBytes() / 1e6, Files.size(archive.zip()) / 1e6, archive.manifestBytes() / 1e6,
                    archive.commas(), archive.quotes(), archive.cut(), MAX_TITLE,
                    Runtime.getRuntime().availableProcessors(), tmp);
            System.out.printf(Locale.ROOT, "baseline: corpus read twice (count, then every %d-th article of %,d "
                    + "bytes or more) and the ZIP written to disk: %.1f s%n", archive.stride(), MIN_BYTES, written);

            start = System.nanoTime();
            try (App app = App.start(work.resolve("data"))) {
                System.out.printf(Locale.ROOT, "application in a child JVM (%s, H2 files, demo data) ready in %.1f s, "
                        + "heap used %s%n", HEAP, seconds(start), app.heap.describeNow());

                // The same API for one file: the fixed cost of a job, and a warm application for the real run.
                Path one = work.resolve("one.zip");
                Archive.single(archive, one);
                start = System.nanoTime();
                JsonNode single = app.finished(app.post(one, "one.zip"));
                double singleDone = seconds(start);
                boolean found = app.searchable(archive.firstPhrase(), Archive.FIRST_CODE, Duration.ofMinutes(2));
                System.out.printf(Locale.ROOT, "baseline: one file through the same API: %s in %.2f s, %s after "
                        + "%.2f s%n", single.path("state").asString(), singleDone,
                        found ? "searchable" : "!!! NOT FOUND by search", seconds(start));

                if (importAll(app, archive, options.contains("--profile"))) {
                    known.run(app, work.resolve("data"), USER);
                }
            }
        } finally {
            try (var walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** @return whether the archive was imported whole and searchable, so the known-item set can be asked */
    private static boolean importAll(App app, Archive archive, boolean profile) throws Exception {
        app.heap.resetPeak();
        Stacks stacks = profile ? new Stacks(app.process.pid()) : null;
        long start = System.nanoTime();
        HttpResponse<String> accepted = app.post(archive.zip(), "vn-legal.zip");
        double upload = seconds(start);
        if (accepted.statusCode() != 202) {
            System.out.printf(Locale.ROOT, "%n!!! THE ARCHIVE WAS REFUSED WHOLE: HTTP %d %s%n", accepted.statusCode(),
                    accepted.body());
            return false;
        }
        String location = accepted.headers().firstValue("Location").orElseThrow();
        System.out.printf(Locale.ROOT, "upload answered 202 after %.1f s (%s)%n", upload, location);
        JsonNode job = JSON.readTree(accepted.body());
        while (!finished(job)) {
            job = app.get(location + "?wait=3");
            System.out.printf(Locale.ROOT, "  %5.1f s  %,6d of %,d  imported %,d  refused %,d  %s  heap used %s%n",
                    seconds(start), job.path("done").asInt(), job.path("total").asInt(), job.path("imported").asInt(),
                    job.path("refused").asInt(), job.path("secondsLeft").isNull() ? "" : "~"
                            + job.path("secondsLeft").asLong() + " s left", app.heap.describeNow());
        }
        double wall = seconds(start);
        if (stacks != null) {
            stacks.close();
            stacks.print();
        }
        double searchable = app.searchable(archive.lastPhrase(), archive.lastCode(), Duration.ofMinutes(10))
                ? seconds(start) : Double.NaN;

        String error = job.path("error").isNull() ? ""
                : " (" + job.path("error").asString() + " " + job.path("errorArgs") + ")";
        System.out.printf(Locale.ROOT, "%nstate %s%s: %,d entries, imported %,d, skipped %,d, refused %,d, awaiting "
                + "the unit head's confirmation %,d%n", job.path("state").asString(), error, job.path("total").asInt(),
                job.path("imported").asInt(), job.path("skipped").asInt(), job.path("refused").asInt(),
                job.path("awaitingConfirmation").asInt());
        System.out.printf(Locale.ROOT, "wall time (POST to the job done) %.1f s: %.0f files/s, %.2f MB/s of text%n",
                wall, archive.files() / wall, archive.textBytes() / 1e6 / wall);
        System.out.printf(Locale.ROOT, "peak heap used %s%n", app.heap.describePeak());
        System.out.printf(Locale.ROOT, "last file (%s) searchable %s%n", archive.lastCode(), Double.isNaN(searchable)
                ? "!!! NOT FOUND within 10 minutes of the end" : String.format(Locale.ROOT, "after %.1f s (%.1f s "
                        + "after the job was done)", searchable, searchable - wall));
        int bad = verdicts(job.path("files"), archive);
        // What the register holds is the manifest's title whole: its commas and quotes did not split the line.
        for (Map.Entry<String, String> title : archive.titlesToCheck().entrySet()) {
            JsonNode hit = app.hit(title.getKey(), title.getKey(), Duration.ofSeconds(30));
            String stored = hit == null ? null : hit.path("title").asString();
            boolean intact = title.getValue().equals(stored);
            bad += intact ? 0 : 1;
            System.out.printf(Locale.ROOT, "title of %s as the search API shows it: %s%n", title.getKey(), intact
                    ? "as in the manifest (" + shortened(title.getValue()) + ")"
                    : "!!! NOT AS IN THE MANIFEST: " + stored + " instead of " + title.getValue());
        }
        boolean met = "DONE".equals(job.path("state").asString()) && searchable <= TARGET_SECONDS && bad == 0;
        System.out.printf(Locale.ROOT, "target: the last file searchable within %.0f s, no refusal from "
                + "quoting or limits: %s%n", TARGET_SECONDS, met ? "met" : "NOT MET");
        return !Double.isNaN(searchable);
    }

    /**
     * Refusals and skips grouped by message key; any from quoting or a limit fails the target, loudly.
     *
     * @return how many refusals quoting or a limit caused
     */
    private static int verdicts(JsonNode files, Archive archive) {
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        int imported = 0;
        for (JsonNode f : files) {
            String outcome = f.path("outcome").asString();
            if (outcome.equals("IMPORTED")) {
                imported++;
            } else {
                byKey.computeIfAbsent(outcome + " " + f.path("message").asString(), k -> new ArrayList<>()).add(f);
            }
        }
        System.out.printf(Locale.ROOT, "verdicts: %,d IMPORTED of %,d files in the archive%n", imported,
                archive.files());
        int bad = 0;
        for (Map.Entry<String, List<JsonNode>> group : byKey.entrySet()) {
            String key = group.getKey().substring(group.getKey().indexOf(' ') + 1);
            boolean refused = group.getKey().startsWith("REFUSED");
            String cause = !refused ? "" : QUOTING.contains(key) ? "   !!! CAUSED BY QUOTING"
                    : LIMITS.contains(key) ? "   !!! CAUSED BY A LIMIT" : "";
            if (!cause.isEmpty()) {
                bad += group.getValue().size();
            }
            System.out.printf(Locale.ROOT, "  %-60s %,6d%s%n", group.getKey(), group.getValue().size(), cause);
            group.getValue().stream().limit(3).forEach(f -> System.out.printf(Locale.ROOT, "      %s %s %s%n",
                    f.path("file").asString(), f.path("code").isNull() ? "" : f.path("code").asString(),
                    f.path("args")));
        }
        if (bad > 0) {
            System.out.printf(Locale.ROOT, "!!! %,d REFUSALS CAUSED BY QUOTING OR LIMITS: THE TARGET IS NOT MET%n",
                    bad);
        }
        return bad;
    }

    private static String shortened(String text) {
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }

    private static boolean finished(JsonNode job) {
        return Set.of("DONE", "FAILED").contains(job.path("state").asString());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * The archive on disk: article files {@code TL-00001.txt}… and the manifest, written one article at a time.
     * Keeps the first and the last article's phrase and code for the searches.
     */
    record Archive(Path zip, int files, long textBytes, long manifestBytes, int stride, int commas, int quotes,
            int cut, String firstTitle, String firstText, String firstPhrase, String lastCode, String lastPhrase,
            Map<String, String> titlesToCheck) {

        static final String FIRST_CODE = "TL-00000";
        private static final String[] HEADER = {"file", "code", "title", "type", "revision", "effective_date"};

        static Archive write(Path corpus, int wanted, KnownItemsOverApi known, Path zip) throws IOException {
            long[] eligible = {0};
            try (InputStream in = Files.newInputStream(corpus)) {
                LegalCorpus.read(in, text -> LegalCorpus.articles(text, 0, 1).forEach(a -> {
                    if (utf8(a.body()).length >= MIN_BYTES) {
                        eligible[0]++;
                    }
                }));
            }
            int stride = (int) Math.max(1, eligible[0] / Math.max(1, wanted));
            Path manifest = zip.resolveSibling("manifest.csv");
            Writer writer = new Writer(wanted, stride, known);
            try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip),
                            1 << 16));
                    CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(manifest, StandardCharsets.UTF_8),
                            CSVFormat.RFC4180.builder().setHeader(HEADER).get());
                    InputStream in = Files.newInputStream(corpus)) {
                LegalCorpus.read(in, text -> LegalCorpus.articles(text, 0, 1).forEach(a -> writer.add(a, out, csv)));
                csv.flush();
                out.putNextEntry(new ZipEntry("manifest.csv"));
                Files.copy(manifest, out);
                out.closeEntry();
            }
            return new Archive(zip, writer.files, writer.bytes, Files.size(manifest), stride, writer.commas,
                    writer.quotes, writer.cut, writer.firstTitle, writer.firstText, phrase(writer.firstText),
                    writer.lastCode, phrase(writer.lastText), writer.titlesToCheck());
        }

        /** The first article alone, under its own code: the baseline's archive. */
        static void single(Archive archive, Path zip) throws IOException {
            StringBuilder manifest = new StringBuilder();
            try (CSVPrinter csv = new CSVPrinter(manifest, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
                csv.printRecord(FIRST_CODE + ".txt", FIRST_CODE, archive.firstTitle(), "TL", 1, "01/01/2020");
            }
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry(FIRST_CODE + ".txt"));
                out.write(utf8(archive.firstText()));
                out.putNextEntry(new ZipEntry("manifest.csv"));
                out.write(utf8(manifest.toString()));
            }
        }

        /** Six words from the middle of an article: a phrase that finds it, wherever else it occurs. */
        private static String phrase(String text) {
            String[] words = text.split("\\s+");
            for (int from = words.length / 2; from + 6 <= words.length; from++) {
                boolean letters = true;
                for (int i = from; i < from + 6; i++) {
                    letters &= words[i].matches("\\p{L}+");
                }
                if (letters) {
                    return String.join(" ", Arrays.copyOfRange(words, from, from + 6));
                }
            }
            return words[0];
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Takes every stride-th article of at least MIN_BYTES until it has as many as wanted, and every article that
         * answers a query of the known-item set.
         */
        private static final class Writer {

            private static final Pattern PIECE = Pattern.compile(":p(\\d+)$");

            private final int wanted;
            private final int stride;
            private final KnownItemsOverApi known;
            private long seen;
            private int sampled;
            private int files;
            private long bytes;
            private int commas;
            private int quotes;
            private int cut;
            private String firstTitle;
            private String firstText;
            private String lastCode;
            private String lastTitle;
            private String quotedCode;
            private String quotedTitle;
            private String lastText;

            Writer(int wanted, int stride, KnownItemsOverApi known) {
                this.wanted = wanted;
                this.stride = stride;
                this.known = known;
            }

            void add(SearchEntry article, ZipOutputStream out, CSVPrinter csv) {
                byte[] body = utf8(article.body());
                boolean answer = known.answers(article);
                if (body.length >= MIN_BYTES && seen++ % stride == 0 && sampled < wanted) {
                    sampled++;
                } else if (!answer) {
                    return;
                }
                files++;
                String file = String.format(Locale.ROOT, "TL-%05d.txt", files);
                String code = known.code(article, file.substring(0, file.length() - ".txt".length()));
                String title = title(article);
                int h = Math.floorMod(article.key().hashCode(), 1_000_003);
                String effective = DAY.format(LocalDate.of(2015 + h % 11, 1 + h % 12, 1 + h % 28));
                try {
                    out.putNextEntry(new ZipEntry(file));
                    out.write(body);
                    out.closeEntry();
                    // Both forms of a type, its code prefix and its name, as units write them.
                    csv.printRecord(file, code, title, files % 2 == 0 ? "TL" : "EXTERNAL", 1 + h % 3,
                            effective);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                bytes += body.length;
                commas += title.contains(",") ? 1 : 0;
                quotes += title.contains("\"") ? 1 : 0;
                if (firstText == null) {
                    firstTitle = title;
                    firstText = article.body();
                }
                lastCode = code;
                lastTitle = title;
                if (quotedCode == null && title.contains("\"")) {
                    quotedCode = code;
                    quotedTitle = title;
                }
                lastText = article.body();
            }

            /** The last file's title and the first one holding a double quote, by code. */
            Map<String, String> titlesToCheck() {
                Map<String, String> titles = new LinkedHashMap<>();
                titles.put(lastCode, lastTitle);
                if (quotedCode != null) {
                    titles.put(quotedCode, quotedTitle);
                }
                return titles;
            }

            /** "Điều 5. Phạm vi điều chỉnh, Nghị định …": the article's heading, a comma, the text's title. */
            private String title(SearchEntry article) {
                String heading = article.title();
                Matcher piece = PIECE.matcher(article.key());
                // Text before a text's first article is keyed art:ID:pN and headed by the text's own title.
                String title = piece.find() && heading.equals(article.meta())
                        ? heading + ", phần " + (Integer.parseInt(piece.group(1)) + 1)
                        : heading + ", " + article.meta();
                title = title.replaceAll("\\s+", " ").strip();
                if (title.length() > MAX_TITLE) {
                    cut++;
                    int space = title.lastIndexOf(' ', MAX_TITLE - 1);
                    title = title.substring(0, space > 0 ? space : MAX_TITLE - 1) + "…";
                }
                return title;
            }
        }
    }

    /** The application in a child JVM on a free port, with its heap sampled by jstat. */
    static final class App implements AutoCloseable {

        private final Process process;
        private final Path log;
        private final String base;
        private final String authorization;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        /** Started once the application is up: jstat finds a JVM only after it has begun. */
        Heap heap;

        private App(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.base = "http://127.0.0.1:" + port;
            this.authorization = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + Accounts.DEMO_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
        }

        static App start(Path dataDir) throws Exception {
            Files.createDirectories(dataDir);
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = dataDir.resolveSibling("app.log");
            ProcessBuilder builder = new ProcessBuilder(ChildJvm.tool("java"), HEAP, "-cp", ChildJvm.classpath(),
                    "vn.eiso.Application", "--spring.profiles.active=demo", "--server.port=" + port,
                    "--eiso.data-dir=" + dataDir, "--logging.level.root=WARN")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("EISO_") || k.startsWith("SPRING_")
                    || k.equals("PORT"));
            App app = new App(builder.start(), log, port);
            try {
                app.awaitReady(Duration.ofMinutes(5));
                app.heap = new Heap(app.process.pid());
                return app;
            } catch (Exception | Error e) {
                app.close();
                throw e;
            }
        }

        private void awaitReady(Duration timeout) throws Exception {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the application stopped:\n" + tail());
                }
                try {
                    if (http.send(request("/api/v1/search?q=eiso&limit=1").build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the application did not start within " + timeout + ":\n" + tail());
        }

        /** The archive streamed from disk as the multipart field {@code file}. */
        HttpResponse<String> post(Path zip, String name) throws Exception {
            String boundary = "----eisobench" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            return http.send(request("/api/v1/units/" + UNIT + "/documents/import")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(zip), HttpRequest.BodyPublishers.ofByteArray(tail)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode get(String path) throws Exception {
            return get(request(path));
        }

        /** The answer to a GET authorised by a personal API token instead of the password. */
        JsonNode get(String path, String token) throws Exception {
            return get(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofMinutes(1)));
        }

        private JsonNode get(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + response.request().uri() + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body());
        }

        /** The job of an accepted upload, once finished. */
        JsonNode finished(HttpResponse<String> accepted) throws Exception {
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("import refused: HTTP " + accepted.statusCode() + " "
                        + accepted.body());
            }
            String location = accepted.headers().firstValue("Location").orElseThrow();
            JsonNode job = JSON.readTree(accepted.body());
            while (!ImportBench.finished(job)) {
                job = get(location + "?wait=60");
            }
            return job;
        }

        /** Polls the search API for the phrase until a hit has the code; false when the time is up. */
        boolean searchable(String phrase, String code, Duration timeout) throws Exception {
            return hit("\"" + phrase + "\"", code, timeout) != null;
        }

        /** The search hit with this code for the query, once there is one; null when the time is up. */
        JsonNode hit(String query, String code, Duration timeout) throws Exception {
            String path = "/api/v1/search?unit=" + UNIT + "&limit=100&q=" + URLEncoder.encode(query,
                    StandardCharsets.UTF_8);
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                for (JsonNode hit : get(path).path("hits")) {
                    if (code.equals(hit.path("code").asString())) {
                        return hit;
                    }
                }
                // Not faster: each request pays a BCrypt check of the password, which would slow the server.
                Thread.sleep(250);
            }
            return null;
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                    .timeout(Duration.ofMinutes(10));
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        @Override
        public void close() throws Exception {
            if (heap != null) {
                heap.close();
            }
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * The child's heap, sampled every 250 ms by {@code jstat -gc}: used = survivors + eden + old generation, so a
     * peak between two samples (just before a collection) is missed.
     */
    static final class Heap implements AutoCloseable {

        private final Process jstat;
        private final long pid;
        private volatile double usedKb = Double.NaN;
        private volatile double peakKb;
        private volatile double peakOldKb;
        private volatile double committedKb;
        private volatile String collections = "";

        Heap(long pid) throws IOException {
            this.pid = pid;
            this.jstat = new ProcessBuilder(ChildJvm.tool("jstat"), "-J-Duser.language=en", "-J-Duser.country=US",
                    "-gc", Long.toString(pid), "250").redirectErrorStream(true).start();
            Thread.ofPlatform().daemon().name("jstat-reader").start(this::read);
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                    StandardCharsets.UTF_8))) {
                Map<String, Integer> columns = new HashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    String[] cells = line.strip().split("\\s+");
                    if (line.contains("EU")) {
                        columns.clear();
                        for (int i = 0; i < cells.length; i++) {
                            columns.put(cells[i], i);
                        }
                        continue;
                    }
                    if (columns.isEmpty() || cells.length < columns.size()) {
                        continue;
                    }
                    double old = value(cells, columns, "OU");
                    double used = value(cells, columns, "S0U") + value(cells, columns, "S1U")
                            + value(cells, columns, "EU") + old;
                    usedKb = used;
                    peakKb = Math.max(peakKb, used);
                    peakOldKb = Math.max(peakOldKb, old);
                    committedKb = Math.max(committedKb, value(cells, columns, "S0C") + value(cells, columns, "S1C")
                            + value(cells, columns, "EC") + value(cells, columns, "OC"));
                    collections = String.format(Locale.ROOT, "%s young and %s full collections, %s s in GC",
                            cells[columns.get("YGC")], cells[columns.get("FGC")], cells[columns.get("GCT")]);
                }
            } catch (IOException | RuntimeException e) {
                usedKb = Double.NaN;
            }
        }

        private static double value(String[] cells, Map<String, Integer> columns, String name) {
            Integer i = columns.get(name);
            return i == null || cells[i].equals("-") ? 0 : Double.parseDouble(cells[i]);
        }

        void resetPeak() {
            peakKb = 0;
            peakOldKb = 0;
        }

        String describeNow() throws InterruptedException {
            for (int i = 0; i < 40 && Double.isNaN(usedKb) && jstat.isAlive(); i++) {
                Thread.sleep(50);
            }
            return Double.isNaN(usedKb) ? "(jstat gave nothing)" : String.format(Locale.ROOT, "%.0f MB", usedKb / 1024);
        }

        String describePeak() {
            return String.format(Locale.ROOT, "%.0f MB of %s MB (sampled every 250 ms by jstat -gc: survivors + eden + "
                    + "old); old generation at most %.0f MB; committed at most %.0f MB; %s; %s", peakKb / 1024,
                    HEAP.replaceAll("\\D", ""), peakOldKb / 1024, committedKb / 1024, collections, collector());
        }

        /** The collector the child runs, by the first line of {@code jcmd GC.heap_info}. */
        private String collector() {
            try {
                Process jcmd = new ProcessBuilder(ChildJvm.tool("jcmd"), Long.toString(pid), "GC.heap_info")
                        .redirectErrorStream(true).start();
                List<String> lines = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        .lines().toList();
                jcmd.waitFor();
                return lines.size() > 1 ? lines.get(1).strip().replaceAll("\\s+", " ") : "collector unknown";
            } catch (IOException | InterruptedException e) {
                return "collector unknown";
            }
        }

        @Override
        public void close() {
            jstat.destroy();
        }
    }

    /**
     * With {@code --profile}: the CPU time of the import's threads, and the threads sampled five times a second,
     * both through the child's own management agent (attached once; each sample is a thread dump at a safepoint,
     * so it leans towards safepoint polls), counted by state, innermost frame and innermost frame of the
     * application's own code.
     */
    static final class Stacks implements AutoCloseable {

        private static final List<String> THREADS = List.of("document-import", "file-inspector", "eiso-indexer",
                "http-nio");

        private final JMXConnector connector;
        private final ThreadMXBean threads;
        private final com.sun.management.OperatingSystemMXBean system;
        private final Map<Long, Long> cpuBefore = new HashMap<>();
        private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        private final long processCpuBefore;
        private final long startNanos = System.nanoTime();
        private double wallSeconds;
        private final Map<String, Map<String, Integer>> counts = new ConcurrentHashMap<>();
        private final Map<String, Integer> samples = new ConcurrentHashMap<>();
        private final Thread sampler;
        private volatile boolean running = true;

        Stacks(long pid) throws Exception {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
            } finally {
                vm.detach();
            }
            threads = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                    ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
            system = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                    ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, com.sun.management.OperatingSystemMXBean.class);
            for (long id : threads.getAllThreadIds()) {
                cpuBefore.put(id, threads.getThreadCpuTime(id));
            }
            processCpuBefore = system.getProcessCpuTime();
            sampler = Thread.ofPlatform().daemon().name("stack-sampler").start(this::sample);
        }

        private void sample() {
            while (running) {
                try {
                    for (ThreadInfo info : threads.dumpAllThreads(false, false, 80)) {
                        count(info);
                    }
                    Thread.sleep(200);
                } catch (InterruptedException | RuntimeException e) {
                    return;
                }
            }
        }

        private void count(ThreadInfo info) {
            String thread = THREADS.stream().filter(info.getThreadName()::startsWith).findFirst().orElse(null);
            if (thread == null) {
                return;
            }
            List<String> frames = Arrays.stream(info.getStackTrace()).map(f -> f.getClassName() + "."
                    + f.getMethodName()).toList();
            String own = frames.stream().filter(f -> f.startsWith("vn.eiso")).findFirst().orElse("-");
            if (thread.equals("http-nio") && own.equals("-")) {
                return;
            }
            String top = frames.isEmpty() ? "-" : frames.getFirst();
            samples.merge(thread, 1, Integer::sum);
            counts.computeIfAbsent(thread, t -> new ConcurrentHashMap<>()).merge(info.getThreadState() + "  " + top
                    + "  <  " + own, 1, Integer::sum);
        }

        /** CPU time each kind of thread used since the start (a thread that ended meanwhile is not counted). */
        private void measureCpu() {
            wallSeconds = seconds(startNanos);
            double known = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                double used = Math.max(0, cpu - cpuBefore.getOrDefault(info.getThreadId(), 0L)) / 1e9;
                String kind = info.getThreadName().startsWith("RMI ") ? "RMI (these samples)"
                        : THREADS.stream().filter(info.getThreadName()::startsWith).findFirst()
                                .orElse("other Java threads (Lucene merges, Tomcat, H2, …)");
                cpuSeconds.merge(kind, used, Double::sum);
                known += used;
            }
            cpuSeconds.put("not in a Java thread (GC, JIT compilers, …)",
                    (system.getProcessCpuTime() - processCpuBefore) / 1e9 - known);
        }

        void print() {
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "%nCPU of the application during the import's %.1f s (%d cores = %.0f "
                    + "CPU-seconds at most):%n", wallSeconds, cores, cores * wallSeconds);
            cpuSeconds.forEach((kind, used) -> System.out.printf(Locale.ROOT, "  %-44s %6.1f s%n", kind, used));
            System.out.printf(Locale.ROOT, "  %-44s %6.1f s%n", "in all",
                    cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum());
            System.out.printf(Locale.ROOT, "%nthread samples during the import (5 a second; state, innermost frame < "
                    + "innermost vn.eiso frame)%n");
            for (String thread : THREADS) {
                int total = samples.getOrDefault(thread, 0);
                System.out.printf(Locale.ROOT, "  %s: %d samples%n", thread, total);
                counts.getOrDefault(thread, Map.of()).entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                        .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f %%  %s%n", 100.0 * e.getValue()
                                / total, e.getKey()));
            }
        }

        @Override
        public void close() throws Exception {
            running = false;
            sampler.join(10_000);
            measureCpu();
            connector.close();
        }
    }
}
