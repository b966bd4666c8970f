package vn.eiso.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.Application;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.organisation.UnitService;
import vn.eiso.search.SearchHit;
import vn.eiso.search.SearchQuery;
import vn.eiso.search.SearchService;
import vn.eiso.support.Accounts;
import vn.eiso.support.OwnDatabase;

/**
 * Two nodes of one cluster in this JVM: one database, an index and a scheduler each (ADR 0023). What one node
 * writes is searchable on the other, a node that was stopped catches up when it starts, a new node builds its index
 * from the database, and the scheduled jobs run once across both. The real cluster (processes, HAProxy, kill -9)
 * is {@code deploy/cluster}'s.
 */
@Tag("own-jvm")
class TwoNodesTest {

    @TempDir
    Path data;
    private OwnDatabase database;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeEach
    void createDatabase() throws Exception {
        database = OwnDatabase.create("eiso_nodes");
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(ConfigurableApplicationContext::close);
        Accounts.signOut();
        database.close();
    }

    @Test
    void a_write_on_one_node_is_found_on_the_other_and_a_node_that_was_away_catches_up() {
        ConfigurableApplicationContext a = start("a", true);
        ConfigurableApplicationContext b = start("b", false);

        String first = write(a, "Quy trình nút A");
        long since = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> titles(b, first).contains("Quy trình nút A " + first));
        System.out.printf("found on the other node after %d ms%n", (System.nanoTime() - since) / 1_000_000);

        b.close();
        nodes.remove(b);
        String second = write(a, "Quy trình khi nút B dừng");
        ConfigurableApplicationContext back = start("b", false);
        assertThat(titles(back, second)).as("at start, before anyone signs in").contains(
                "Quy trình khi nút B dừng " + second);

        ConfigurableApplicationContext fresh = start("c", false);
        assertThat(titles(fresh, first)).contains("Quy trình nút A " + first);
        assertThat(titles(fresh, second)).contains("Quy trình khi nút B dừng " + second);
    }

    @Test
    void every_scheduled_job_runs_once_across_the_cluster_when_both_nodes_fire_it_together() throws Exception {
        ConfigurableApplicationContext a = start("a", true);
        ConfigurableApplicationContext b = start("b", false);

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> firing = new ArrayList<>();
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            for (ScheduledTask task : node.getBean(ScheduledTaskHolder.class).getScheduledTasks()) {
                firing.add(CompletableFuture.runAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    task.getTask().getRunnable().run();
                }));
            }
        }
        go.countDown();
        CompletableFuture.allOf(firing.toArray(CompletableFuture[]::new)).join();

        // Since both nodes started: the jobs that also run at start (activation, forgetting sign-in failures)
        // ran at the first node's start and not again. (The mail reminders exist only with mail configured.)
        Map<String, Double> runs = new TreeMap<>();
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            node.getBean(MeterRegistry.class).find("eiso.jobs.runs").counters()
                    .forEach(c -> runs.merge(c.getId().getTag("job"), c.count(), Double::sum));
        }
        assertThat(runs).containsOnlyKeys("effective-date-activation", "file-sweep", "nightly-backup",
                "overdue-digest", "search-journal-prune", "sign-in-throttle-forget", "signature-checks");
        assertThat(runs).allSatisfy((job, count) -> assertThat(count).as(job).isEqualTo(1.0));
    }

    private ConfigurableApplicationContext start(String name, boolean first) {
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.addAll(List.of("--server.port=0", "--management.server.port=-1",
                "--eiso.demo-data=" + first, "--eiso.test.clean-database=false",
                "--eiso.data-dir=" + data.resolve("files"), "--eiso.search.index-dir=" + data.resolve("index-" + name),
                "--eiso.search.poll-interval=PT0.5S",
                // Every job on its schedule (the test profile switches the morning jobs off), none due in the test.
                "--eiso.notices.digest-cron=0 0 3 1 1 *", "--eiso.mail.cron=0 0 3 1 1 *",
                "--eiso.backup.cron=0 0 3 1 1 *", "--eiso.files.sweep-cron=0 0 3 1 1 *"));
        ConfigurableApplicationContext node = new SpringApplicationBuilder(Application.class)
                .run(arguments.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    /** A draft written on {@code node} by the unit's quality officer; returns the word only it holds. */
    private static String write(ConfigurableApplicationContext node, String title) {
        String word = "cumnut" + UUID.randomUUID().toString().substring(0, 8);
        var officer = Accounts.signIn(node.getBean(UserDetailsService.class), "thuky.stp");
        var stp = SystemAuthentication.runAsSystem(() -> node.getBean(UnitService.class).byCode("STP").id());
        var document = node.getBean(DocumentRegister.class).create(stp, DocumentData.of(
                "QT-N" + word.substring(6, 10), title + " " + word, DocumentType.PROCEDURE, officer.userId()));
        node.getBean(RevisionWorkflow.class).startRevision(document.id(), "Ban hành");
        Accounts.signOut();
        return word;
    }

    private static List<String> titles(ConfigurableApplicationContext node, String word) {
        Accounts.signIn(node.getBean(UserDetailsService.class), "thuky.stp");
        try {
            return node.getBean(SearchService.class).search(SearchQuery.of(word)).hits().stream()
                    .map(SearchHit::title).toList();
        } finally {
            Accounts.signOut();
        }
    }
}
