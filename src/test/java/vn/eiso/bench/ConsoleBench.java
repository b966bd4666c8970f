package vn.eiso.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.base.ui.BarChart;
import vn.eiso.base.ui.Messages;
import vn.eiso.console.ConsoleFilter;
import vn.eiso.console.OverdueItem;
import vn.eiso.console.ProvinceOverview;
import vn.eiso.console.RolloutConsole;
import vn.eiso.console.Stage;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UnitType;
import vn.eiso.support.Accounts;
import vn.eiso.support.GeneratedProvince;

/**
 * {@code ./bench console [--postgres] [--units=N]}: the science department's console on a generated province of N
 * units (default 3,000) with 100 documents and 17 nonconformities each (300,000 and 51,000): the server-side time
 * of its first view (every unit's stage and overdue counts, the headline, the stage chart), of a filter, a drill-down
 * and the export, against a baseline in the same process.
 */
final class ConsoleBench {

    private ConsoleBench() {
    }

    static void run(ConfigurableApplicationContext context, int count, String database) {
        DSLContext dsl = context.getBean(DSLContext.class);
        Clock clock = context.getBean(Clock.class);
        UnitService units = context.getBean(UnitService.class);
        RolloutConsole console = context.getBean(RolloutConsole.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        EisoPrincipal admin = (EisoPrincipal) users.loadUserByUsername("admin");
        UnitId root = SystemAuthentication.runAsSystem(() -> units.byCode("HOAAN").id());

        long start = System.nanoTime();
        Map<UnitId, Stage> generated = new GeneratedProvince(dsl, admin.userId(), LocalDate.now(clock),
                clock.getZone()).generate("B", root, count, 100, 17);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%n== Rollout console, %s, %,d generated units (generated in %.1f s)%n",
                database, generated.size(), seconds);
        System.out.printf(Locale.ROOT, "rows: units %,d · documents %,d · nonconformities %,d · corrective actions %,d%n",
                dsl.fetchCount(dsl.selectFrom("unit")), dsl.fetchCount(dsl.selectFrom("document")),
                dsl.fetchCount(dsl.selectFrom("nonconformity")), dsl.fetchCount(dsl.selectFrom("corrective_action")));

        Accounts.signIn(users, "sokhcn");
        ProvinceOverview sample = console.overview();
        System.out.printf(Locale.ROOT, "console: %,d units, %,d announced, %,d with overdue work, %,d overdue reviews%n",
                sample.units().size(), sample.announced(), sample.withOverdue(),
                ProvinceOverview.sum(sample.units(), OverdueItem.Kind.DOCUMENT_REVIEW));
        Bench.Stats baseline = Bench.measure(() -> SystemAuthentication.runAsSystem(() -> units.byCode("SNV")));
        System.out.printf(Locale.ROOT, "%-52s %s%n", "baseline: look up one unit by code", baseline);
        var texts = Messages.texts(Messages.VIETNAMESE);
        Bench.report("first view: units, headline, stage chart", baseline, () -> {
            ProvinceOverview overview = console.overview();
            overview.countByType();
            overview.announced();
            Map<String, Long> stages = new LinkedHashMap<>();
            ProvinceOverview.byStage(overview.units()).forEach((s, n) -> stages.put(texts.get("stage." + s), n));
            return BarChart.svg(stages);
        });
        Bench.report("  of which the units with stages and counts", baseline, console::overview);
        ConsoleFilter communes = new ConsoleFilter(null, UnitType.COMMUNE, null, null, java.util.Set.of());
        Bench.report("filter: communes with overdue work (in memory)", baseline, () -> sample.filter(communes));
        UnitId one = generated.keySet().iterator().next();
        Bench.report("drill-down: one unit's overdue items", baseline, () -> console.unit(one));
        Bench.report("export: workbook of the filtered units", baseline, () -> console.xlsx(communes, texts));
        Accounts.signOut();
    }
}
