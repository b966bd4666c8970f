package vn.eiso.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.support.Accounts;
import vn.eiso.support.ChildJvm;
import vn.eiso.support.OwnDatabase;

/**
 * The cluster as {@code deploy/cluster} runs it (ADR 0023): PostgreSQL, two node processes and HAProxy in front.
 * Writers report nonconformities through the balancer while node 1 is killed with SIGKILL; every report the
 * balancer acknowledged is then searchable on node 2, and on node 1 once it is started again; the jobs that run at
 * start ran once across both nodes. Runs in the PostgreSQL pass of the tests (the cluster is PostgreSQL's).
 */
@Tag("own-jvm")
class ClusterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PORT = 18_490;
    private static final String REPORTER = "congchuc.stp";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private OwnDatabase database;

    @AfterEach
    void stop() throws Exception {
        if (database != null) {
            cluster("stop");
            database.close();
        }
    }

    @Test
    void acknowledged_writes_survive_a_node_killed_under_load_and_every_node_finds_them() throws Exception {
        assumeTrue(OwnDatabase.POSTGRES, "the cluster runs on PostgreSQL: the -Ppostgres pass runs this test");
        database = OwnDatabase.create("eiso_cluster");
        cluster("start", "--nodes=2", "--port=" + PORT, "--db=" + database.name());

        // A write on node 1 is found on node 2.
        String first = report(PORT + 1);
        long since = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> found(PORT + 2, first));
        System.out.printf("a write on node 1 was found on node 2 after %d ms%n",
                (System.nanoTime() - since) / 1_000_000);

        // The balancer pins a browser to one node with its cookie.
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().allValues("set-cookie")).anyMatch(c -> c.startsWith("EISO_NODE=n"));

        // Effective-date activation and forgetting old sign-in failures run at start: once across the nodes.
        Map<String, Double> runs = new TreeMap<>();
        for (int node = 1; node <= 2; node++) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (PORT + 50 + node)
                    + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("eiso_jobs_runs_total\\{[^}]*job=\"([a-z-]+)\"[^}]*} ([0-9.E]+)")
                    .matcher(metrics);
            while (m.find()) {
                runs.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        assertThat(runs).containsEntry("effective-date-activation", 1.0).containsEntry("sign-in-throttle-forget", 1.0);

        // Writers through the balancer; node 1 is killed while they run.
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            writers.add(Thread.ofPlatform().start(() -> {
                while (writing.get()) {
                    try {
                        acknowledged.add(report(PORT));
                    } catch (Exception e) {
                        // In flight when the node died: not acknowledged, so not promised.
                    }
                }
            }));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 10);
        cluster("kill", "1");
        int atKill = acknowledged.size();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= atKill + 10);
        writing.set(false);
        for (Thread writer : writers) {
            writer.join();
        }
        System.out.printf("%d reports acknowledged, %d of them before the kill%n", acknowledged.size(), atKill);

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> acknowledged.stream().allMatch(word -> found(PORT + 2, word)));

        // Node 1 comes back and is ready only once it has caught up.
        cluster("start-node", "1");
        assertThat(acknowledged).allMatch(word -> found(PORT + 1, word));

    }

    /** Reports a nonconformity through {@code port} as the unit's staff; returns the word only it holds. */
    private String report(int port) throws Exception {
        String word = "cumtin" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String body = JSON.writeValueAsString(Map.of("source", "STAFF", "description", "Sự cố " + word));
        HttpResponse<String> created = http.send(request(port, "/api/v1/units/STP/nonconformities")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.statusCode() + " " + created.body());
        }
        return word;
    }

    private boolean found(int port, String word) {
        try {
            HttpResponse<String> response = http.send(request(port, "/api/v1/search?q="
                    + URLEncoder.encode(word, StandardCharsets.UTF_8)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && JSON.readTree(response.body()).path("total").asLong() == 1;
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (REPORTER + ":" + Accounts.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private void cluster(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("deploy/cluster"));
        command.addAll(List.of(arguments));
        command.add("--dir=" + dir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cluster.log").toFile());
        builder.environment().put("EISO_CLUSTER_CLASSPATH", ChildJvm.classpath());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        boolean done = process.waitFor(8, TimeUnit.MINUTES);
        String log = Files.readString(dir.resolve("cluster.log"));
        assertThat(done && process.exitValue() == 0).as("deploy/cluster " + String.join(" ", arguments) + "\n" + log)
                .isTrue();
    }
}
