package vn.eiso.bench;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.MEMBERSHIP;
import static vn.eiso.db.Tables.NONCONFORMITY;
import static vn.eiso.db.Tables.UNIT;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import vn.eiso.support.Accounts;
import vn.eiso.support.ChildJvm;

/**
 * {@code ./bench load [--users=100[,300,500]] [--nodes=1] [--seconds=120] [--think=3]}: N signed-in users work
 * through the balancer of a {@code deploy/cluster} (PostgreSQL, K nodes, HAProxy) over HTTP and Vaadin's own
 * protocol, as browsers do: open the register, open a document, search, open a nonconformity, enter an objective's
 * measurement, with a think time of 2 to 4 s (mean {@code --think}) between interactions. Users start over a ramp and
 * are measured for {@code --seconds} after it. Prints each interaction's p50/p95 beside a baseline (the same journey
 * by one user alone, in the same run), the errors, each node's CPU and heap per session, and the CPU of the machine
 * and of this load generator, which shares the machine's two cores with the nodes and PostgreSQL.
 */
final class LoadBench {

    private static final int PORT = 18_600;
    private static final String DATABASE = "eiso_load";

    private final Path dir = Path.of("target/load").toAbsolutePath();
    private final int nodes;
    private final double think;
    private Journey journey;
    private final HttpClient http = HttpClient.newHttpClient();

    private LoadBench(int nodes, double think) {
        this.nodes = nodes;
        this.think = think;
    }

    static void run(List<String> options) throws Exception {
        int[] levels = options.stream().filter(a -> a.startsWith("--users=")).findFirst()
                .map(a -> Arrays.stream(a.substring(8).split(",")).mapToInt(Integer::parseInt).toArray())
                .orElse(new int[] {100});
        int seconds = Bench.intOption(options, "--seconds=", 120);
        double think = options.stream().filter(a -> a.startsWith("--think=")).findFirst()
                .map(a -> Double.parseDouble(a.substring(8))).orElse(3.0);
        LoadBench bench = new LoadBench(Bench.intOption(options, "--nodes=", 1), think);
        bench.cluster("start", "--nodes=" + bench.nodes, "--port=" + PORT, "--db=" + DATABASE, "--fresh");
        try {
            bench.prepare(Math.max(2, Arrays.stream(levels).max().orElse(1)));
            Map<String, Stats> baseline = bench.baseline();
            for (int users : levels) {
                bench.level(users, seconds, baseline);
            }
        } finally {
            bench.cluster("stop");
        }
    }

    /**
     * One account per simulated user, {@code tai1}, {@code tai2}, ...: quality officers of the demo unit that has
     * documents, nonconformities and objectives, with the demo password. Distinct names, as in an office: the
     * sign-in throttle counts attempts per name and address. Also reads the records users open.
     */
    private void prepare(int accounts) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
                "postgres", "")) {
            System.setProperty("org.jooq.no-logo", "true");
            System.setProperty("org.jooq.no-tips", "true");
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            String hash = db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.USERNAME.eq("thuky.stp"))
                    .fetchSingle(APP_USER.PASSWORD_HASH);
            Long unit = db.select(UNIT.ID).from(UNIT).where(UNIT.CODE.eq("STP")).fetchSingle(UNIT.ID);
            OffsetDateTime now = OffsetDateTime.now();
            for (int i = 1; i <= accounts; i++) {
                Long user = db.insertInto(APP_USER).set(APP_USER.USERNAME, account(i))
                        .set(APP_USER.FULL_NAME, "Người dùng thử tải " + i).set(APP_USER.PASSWORD_HASH, hash)
                        .set(APP_USER.CREATED_AT, now).returning(APP_USER.ID).fetchSingle(APP_USER.ID);
                db.insertInto(MEMBERSHIP).set(MEMBERSHIP.USER_ID, user).set(MEMBERSHIP.UNIT_ID, unit)
                        .set(MEMBERSHIP.ROLE, "QUALITY_OFFICER").set(MEMBERSHIP.CREATED_AT, now).execute();
            }
            journey = new Journey(db.select(DOCUMENT.ID).from(DOCUMENT).where(DOCUMENT.UNIT_ID.eq(unit)
                    .and(DOCUMENT.STATUS.eq("EFFECTIVE"))).fetch(DOCUMENT.ID), db.select(NONCONFORMITY.ID)
                    .from(NONCONFORMITY).where(NONCONFORMITY.UNIT_ID.eq(unit)).fetch(NONCONFORMITY.ID));
        }
    }

    private static String account(int number) {
        return "tai" + number;
    }

    /**
     * One user alone, the same journey with a short pause: what an interaction costs without load, once a first
     * round of journeys (not counted) has warmed up the nodes.
     */
    private Map<String, Stats> baseline() throws Exception {
        Queue<Sample> samples = new ConcurrentLinkedQueue<>();
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        for (int round = 0; round < 2; round++) {
            samples.clear();
            User user = new User(round, samples, errors, () -> 0.2);
            VaadinClient client = user.signIn();
            for (int i = 0; i < 20; i++) {
                user.journey(client);
            }
            client.signOut();
        }
        Map<String, Stats> baseline = Stats.byKind(samples.stream().toList());
        System.out.printf(Locale.ROOT, "%n== Baseline: one user alone, %d interactions, %d errors%n", samples.size(),
                errors.size());
        baseline.forEach((kind, stats) -> System.out.printf(Locale.ROOT, "%-30s %s%n", kind, stats));
        errors.stream().limit(3).forEach(e -> System.out.println("  error: " + e));
        return baseline;
    }

    private void level(int users, int seconds, Map<String, Stats> baseline) throws Exception {
        int ramp = Math.max(30, users / 8);
        Map<Integer, Double> heapBefore = new TreeMap<>();
        Map<Integer, Double> sessionsBefore = new TreeMap<>();
        for (int n = 1; n <= nodes; n++) {
            heapBefore.put(n, heapAfterGc(n));
            sessionsBefore.put(n, metric(n, "tomcat_sessions_active_current_sessions"));
        }
        Queue<Sample> samples = new ConcurrentLinkedQueue<>();
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> usersPerNode = new ConcurrentHashMap<>();
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(ramp);
        long measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            long startAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ramp * 1000L * i / users);
            User user = new User(i, samples, errors,
                    () -> think * (2.0 / 3 + ThreadLocalRandom.current().nextDouble() * 2.0 / 3));
            threads.add(Thread.ofVirtual().start(() -> user.work(startAt, running, usersPerNode)));
        }
        sleepUntil(measureFrom);
        Map<Integer, Double> cpuFrom = new TreeMap<>();
        for (int n = 1; n <= nodes; n++) {
            cpuFrom.put(n, metric(n, "process_cpu_time_ns_total"));
        }
        long[] machineFrom = machineCpu();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long selfFrom = os.getProcessCpuTime();
        sleepUntil(measureUntil);
        double wall = (System.nanoTime() - measureFrom) / 1e9;
        Map<Integer, Double> cores = new TreeMap<>();
        for (int n = 1; n <= nodes; n++) {
            cores.put(n, (metric(n, "process_cpu_time_ns_total") - cpuFrom.get(n)) / 1e9 / wall);
        }
        long[] machineTo = machineCpu();
        double machine = (double) (machineTo[0] - machineFrom[0]) / (machineTo[1] - machineFrom[1])
                * Runtime.getRuntime().availableProcessors();
        double self = (os.getProcessCpuTime() - selfFrom) / 1e9 / wall;
        // The nodes' sessions and heap are read while every user is still signed in.
        Map<Integer, String> perNode = new TreeMap<>();
        for (int n = 1; n <= nodes; n++) {
            double heap = heapAfterGc(n);
            double sessions = metric(n, "tomcat_sessions_active_current_sessions") - sessionsBefore.get(n);
            perNode.put(n, String.format(Locale.ROOT, "node %d: %.0f new sessions, CPU %.2f cores, heap after GC "
                    + "%.0f MB (%.2f MB per session)", n, sessions, cores.get(n), heap / 1e6,
                    sessions > 0 ? (heap - heapBefore.get(n)) / 1e6 / sessions : 0.0));
        }
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        List<Sample> measured = samples.stream().filter(s -> s.at >= measureFrom && s.at < measureUntil).toList();
        long failed = measured.stream().filter(s -> !s.ok).count();
        System.out.printf(Locale.ROOT, "%n== %d users on %d node(s), think %.1f s (2/3 to 4/3 of it), ramp %d s, "
                + "measured %.0f s: %d interactions (%.1f/s), %d failed%n", users, nodes, think, ramp, wall,
                measured.size(), measured.size() / wall, failed);
        Map<String, Stats> stats = Stats.byKind(measured.stream().filter(s -> s.ok).toList());
        baseline.forEach((kind, base) -> {
            Stats s = stats.get(kind);
            if (s != null) {
                System.out.printf(Locale.ROOT, "%-30s %s  p95 ratio to baseline %.1fx%n", kind, s, s.p95 / base.p95);
            }
        });
        errors.stream().collect(Collectors.groupingBy(e -> e, TreeMap::new,
                Collectors.counting())).entrySet().stream().limit(8)
                .forEach(e -> System.out.printf("  error x%d: %s%n", e.getValue(), e.getKey()));
        perNode.values().forEach(System.out::println);
        // What a click costs the nodes, queueing aside: comparable across runs on a machine busy in other ways.
        double cpuMs = cores.values().stream().mapToDouble(Double::doubleValue).sum() * wall * 1000;
        System.out.printf(Locale.ROOT, "nodes' CPU per interaction: %.1f ms%n",
                measured.isEmpty() ? 0.0 : cpuMs / measured.size());
        System.out.printf(Locale.ROOT, "users per node (balancer cookie): %s · machine CPU %.2f of %d cores · "
                + "this load generator %.2f cores%n", new TreeMap<>(usersPerNode), machine,
                Runtime.getRuntime().availableProcessors(), self);
    }

    /** One simulated person: signs in, then repeats the journey until the end of the run, then signs out. */
    private final class User {

        private final int number;
        private final Queue<Sample> samples;
        private final Queue<String> errors;
        private final DoubleSupplier thinkSeconds;
        private final String account;

        User(int number, Queue<Sample> samples, Queue<String> errors, DoubleSupplier thinkSeconds) {
            this.number = number;
            this.samples = samples;
            this.errors = errors;
            this.thinkSeconds = thinkSeconds;
            this.account = account(number + 1);
        }

        void work(long startAt, AtomicBoolean running, Map<String, AtomicInteger> usersPerNode) {
            sleepUntil(startAt);
            VaadinClient client = null;
            while (running.get()) {
                try {
                    if (client == null) {
                        client = signIn();
                        usersPerNode.computeIfAbsent(client.node().orElse("-"), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    journey(client, running::get);
                } catch (Finished e) {
                    break;
                } catch (Exception e) {
                    // The step is recorded as failed; a broken UI is left, as a user would reload the page.
                    client = null;
                    pause();
                }
            }
            if (client != null) {
                try {
                    client.signOut();
                } catch (Exception e) {
                    errors.add("sign-out: " + e.getMessage());
                }
            }
        }

        VaadinClient signIn() throws Exception {
            VaadinClient client = new VaadinClient("http://127.0.0.1:" + PORT);
            step("sign in (5 requests)", () -> client.signIn(account, Accounts.DEMO_PASSWORD));
            return client;
        }

        void journey(VaadinClient client) throws Exception {
            journey(client, () -> true);
        }

        private void journey(VaadinClient client, BooleanSupplier running) throws Exception {
            journey.walk(client, (kind, interaction) -> step(running, kind, interaction));
        }

        private void step(BooleanSupplier running, String kind, Journey.Interaction interaction) throws Exception {
            if (!running.getAsBoolean()) {
                throw new Finished();
            }
            pause();
            step(kind, interaction);
        }

        private void step(String kind, Journey.Interaction interaction) throws Exception {
            long start = System.nanoTime();
            try {
                interaction.run();
                samples.add(new Sample(kind, start, (System.nanoTime() - start) / 1e6, true));
            } catch (Exception e) {
                samples.add(new Sample(kind, start, (System.nanoTime() - start) / 1e6, false));
                errors.add(kind + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
                throw e;
            }
        }

        private void pause() {
            try {
                Thread.sleep(Duration.ofMillis((long) (thinkSeconds.getAsDouble() * 1000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Thrown at the end of the run between two interactions: not an error. */
    private static final class Finished extends RuntimeException {
    }

    private record Sample(String kind, long at, double ms, boolean ok) {
    }

    private record Stats(int count, double p50, double p95, double max) {

        static Map<String, Stats> byKind(List<Sample> samples) {
            Map<String, List<Double>> byKind = new LinkedHashMap<>();
            for (Sample s : samples) {
                byKind.computeIfAbsent(s.kind, k -> new ArrayList<>()).add(s.ms);
                byKind.computeIfAbsent("all interactions", k -> new ArrayList<>()).add(s.ms);
            }
            Map<String, Stats> stats = new LinkedHashMap<>();
            byKind.forEach((kind, values) -> {
                double[] ms = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                stats.put(kind, new Stats(ms.length, ms[ms.length / 2], ms[(int) Math.min(ms.length - 1,
                        Math.ceil(ms.length * 0.95) - 1)], ms[ms.length - 1]));
            });
            return stats;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n %5d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms", count, p50, p95,
                    max);
        }
    }

    private static void sleepUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Busy and total jiffies of the whole machine, from /proc/stat. */
    private static long[] machineCpu() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    /** The node's heap in use after a full collection (jcmd GC.run), in bytes. */
    private double heapAfterGc(int node) throws Exception {
        String pid = Files.readString(dir.resolve("node-" + node).resolve("pid")).trim();
        new ProcessBuilder(ChildJvm.tool("jcmd"), pid, "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        return metric(node, "jvm_memory_used_bytes{area=\"heap\"");
    }

    /** The sum of a node's Prometheus samples whose line starts with {@code name}. */
    private double metric(int node, String name) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (PORT + 50 + node)
                + "/actuator/prometheus")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ".* ([0-9.E+-]+)$").matcher(text);
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private void cluster(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("deploy/cluster"));
        command.addAll(List.of(arguments));
        command.add("--dir=" + dir);
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("EISO_CLUSTER_CLASSPATH", ChildJvm.classpath());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // Sessions are what a node keeps per user: give them room, the figures are heap per session. Options of the
        // caller's (a profiler, say) come after.
        builder.environment().merge("EISO_CLUSTER_JAVA_OPTS", "-Xmx3g", (given, ours) -> ours + " " + given);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("deploy/cluster " + String.join(" ", arguments) + " failed");
        }
    }
}
