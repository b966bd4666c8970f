package vn.eiso.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.NONCONFORMITY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.UnitId;
import vn.eiso.organisation.UnitService;
import vn.eiso.planning.Objective;
import vn.eiso.planning.Objectives;
import vn.eiso.support.Accounts;

/**
 * The short form of {@code ./bench load}: its journey, once, by two officers at once in separate sessions, through
 * the real HTTP server and Vaadin's protocol with {@link VaadinClient}. Keeps the benchmark's client honest (a
 * change of the protocol or of a view's ids fails here, not in a benchmark run weeks later) and checks what comes
 * back: the pages the server builds and the measurements it stores.
 */
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext dsl;
    @Autowired
    UnitService units;
    @Autowired
    Objectives objectives;
    @Autowired
    UserDetailsService userDetails;

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    @Test
    void two_officers_walk_the_load_journey_and_each_measurement_is_stored() throws Exception {
        Accounts.signIn(userDetails, "thuky.stp");
        UnitId unit = units.byCode("STP").id();
        int before = measurementsOf(unit);
        Journey journey = new Journey(
                dsl.select(DOCUMENT.ID).from(DOCUMENT).where(DOCUMENT.UNIT_ID.eq(unit.value())
                        .and(DOCUMENT.STATUS.eq("EFFECTIVE"))).fetch(DOCUMENT.ID),
                dsl.select(NONCONFORMITY.ID).from(NONCONFORMITY).where(NONCONFORMITY.UNIT_ID.eq(unit.value()))
                        .fetch(NONCONFORMITY.ID));

        List<Map<String, String>> answers = new ArrayList<>();
        List<VaadinClient> clients = new ArrayList<>();
        for (String officer : List.of("thuky.stp", "lanhdao.stp")) {
            VaadinClient client = new VaadinClient("http://127.0.0.1:" + port);
            assertThat(client.signIn(officer, Accounts.DEMO_PASSWORD)).contains("notice-bell");
            clients.add(client);
            answers.add(new LinkedHashMap<>());
        }
        // The two sessions take turns, step by step, as two people at work do.
        for (int i = 0; i < clients.size(); i++) {
            Map<String, String> own = answers.get(i);
            journey.walk(clients.get(i), (kind, interaction) -> own.put(kind, String.valueOf(interaction.run())));
        }

        for (Map<String, String> own : answers) {
            assertThat(own).containsOnlyKeys("open the register", "open a document", "open the search page",
                    "type a query", "search", "open a nonconformity", "open the objectives",
                    "open the measurement dialog", "type a value", "save a measurement");
            assertThat(own.get("open the register")).contains("Tài liệu");
            // The page says how many entries the query found, whatever the query drawn.
            assertThat(own.get("search")).containsPattern("\"\\d+ kết quả\"");
            assertThat(own.get("save a measurement")).contains(Journey.MEASURED);
        }
        assertThat(measurementsOf(unit)).isEqualTo(before + 2);
        for (VaadinClient client : clients) {
            client.signOut();
        }
    }

    private int measurementsOf(UnitId unit) {
        return objectives.ofUnit(unit).stream().map(Objective::id).mapToInt(id -> objectives.measurements(id).size())
                .sum();
    }
}
