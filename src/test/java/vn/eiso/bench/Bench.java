package vn.eiso.bench;

import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.REVISION;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.Application;
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentType;
import vn.eiso.organisation.UnitService;
import vn.eiso.support.Accounts;

/**
 * Benchmarks that print figures (never pass or fail). {@code ./bench documents [--postgres] [--docs=N]}: the
 * document register's server-side time for its first page and for filtered pages with N documents (default
 * 100,000) in one unit, as the grid asks for them (a page and the count), against a baseline in the same process.
 * {@code ./bench console [--postgres] [--units=N]}: see {@link ConsoleBench}. {@code ./bench search}: see
 * {@link SearchBench}. {@code ./bench import [--corpus=PATH] [--files=N]}: see {@link ImportBench}.
 * {@code ./bench crash [--kills=N] [--h2-only|--postgres-only]}: see {@link CrashBench}. {@code ./bench load
 * [--users=N] [--nodes=K]}: see {@link LoadBench}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        if (options.contains("search")) {
            SearchBench.run(options);
            return;
        }
        if (options.contains("import")) {
            ImportBench.run(options);
            return;
        }
        if (options.contains("load")) {
            LoadBench.run(options);
            return;
        }
        if (options.contains("crash")) {
            CrashBench.run(options);
            return;
        }
        boolean postgres = options.contains("--postgres");
        int docs = intOption(options, "--docs=", 100_000);
        try (ConfigurableApplicationContext context = start(postgres)) {
            if (options.contains("console")) {
                ConsoleBench.run(context, intOption(options, "--units=", 3_000), postgres ? "PostgreSQL" : "H2");
            } else {
                documents(context, docs, postgres ? "PostgreSQL" : "H2");
            }
        }
    }

    static int intOption(List<String> options, String prefix, int fallback) {
        return options.stream().filter(a -> a.startsWith(prefix)).map(a -> Integer.parseInt(a.substring(prefix.length())))
                .findFirst().orElse(fallback);
    }

    /** The application on a wiped database with the demo province, on H2 or the eiso_bench PostgreSQL database. */
    static ConfigurableApplicationContext start(boolean postgres) {
        List<String> props = new ArrayList<>(List.of("--eiso.demo-data=true", "--eiso.test.clean-database=true",
                "--spring.flyway.clean-disabled=false", "--logging.level.root=WARN",
                "--eiso.data-dir=target/bench-data", "--server.port=0"));
        if (postgres) {
            props.add("--spring.datasource.url=" + System.getProperty("bench.db.url",
                    "jdbc:postgresql://127.0.0.1:5432/eiso_bench"));
        } else {
            // H2 would otherwise hand back the cached result of a repeated identical query and time nothing.
            props.add("--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE");
        }
        return new SpringApplicationBuilder(Application.class)
                .profiles(postgres ? new String[] {"test", "postgres"} : new String[] {"test"})
                .run(props.toArray(String[]::new));
    }

    private static void documents(ConfigurableApplicationContext context, int count, String database) {
        DocumentRegister register = context.getBean(DocumentRegister.class);
        UnitService units = context.getBean(UnitService.class);
        DSLContext dsl = context.getBean(DSLContext.class);
        Clock clock = context.getBean(Clock.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        UnitId unit = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
        EisoPrincipal officer = (EisoPrincipal) users.loadUserByUsername("thuky.stp");

        long start = System.nanoTime();
        generate(dsl, unit, officer.userId(), count, clock);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%n== Document register, %s, %,d documents in one unit (generated in %.1f s)%n",
                database, count, seconds);

        Accounts.signIn(users, "thuky.stp");
        DocumentFilter all = DocumentFilter.of(unit);
        DocumentFilter filtered = new DocumentFilter(unit, "giay phep xay dung", DocumentType.PROCEDURE,
                DocumentStatus.EFFECTIVE, null, false);
        DocumentFilter overdue = new DocumentFilter(unit, null, null, null, null, true);
        System.out.printf(Locale.ROOT, "rows: all %,d · filtered %,d · overdue %,d · page 200 has %d rows%n",
                register.count(all), register.count(filtered), register.count(overdue),
                register.list(all, DocumentSort.TITLE, false, 200 * 50, 50).size());
        Stats baseline = measure(() -> SystemAuthentication.runAsSystem(() -> units.byCode("SNV")));
        System.out.printf(Locale.ROOT, "%-52s %s%n", "baseline: look up one unit by code", baseline);
        report("first page (50, by code) + count", baseline, () -> {
            register.list(all, DocumentSort.CODE, true, 0, 50);
            return register.count(all);
        });
        report("  of which the page alone", baseline, () -> register.list(all, DocumentSort.CODE, true, 0, 50));
        report("  of which the count alone", baseline, () -> register.count(all));
        report("filtered page: text + type + status, + count", baseline, () -> {
            register.list(filtered, DocumentSort.CODE, true, 0, 50);
            return register.count(filtered);
        });
        report("overdue reviews page + count", baseline, () -> {
            register.list(overdue, DocumentSort.NEXT_REVIEW, true, 0, 50);
            return register.count(overdue);
        });
        report("page 200 sorted by title, descending", baseline,
                () -> register.list(all, DocumentSort.TITLE, false, 200 * 50, 50));
        Accounts.signOut();
    }

    static void report(String name, Stats baseline, Supplier<Object> work) {
        Stats stats = measure(work);
        System.out.printf(Locale.ROOT, "%-52s %s  p50 ratio to baseline %.1fx%n", name, stats,
                stats.p50 / baseline.p50);
    }

    record Stats(double p50, double p95, double p99, double max) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms", p50, p95, p99,
                    max);
        }
    }

    static Stats measure(Supplier<Object> work) {
        for (int i = 0; i < 30; i++) {
            work.get();
        }
        int runs = 200;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Stats(ms[runs / 2], ms[(int) (runs * 0.95)], ms[(int) (runs * 0.99)], ms[runs - 1]);
    }

    /** Realistic register entries: the usual types and code prefixes, 80 % in force with one revision. */
    private static void generate(DSLContext dsl, UnitId unit, UserId author, int count, Clock clock) {
        String[] subjects = {"kiểm soát tài liệu", "đánh giá nội bộ", "cấp giấy phép xây dựng", "tiếp nhận hồ sơ",
            "giải quyết khiếu nại", "cấp Phiếu lý lịch tư pháp", "chứng thực bản sao", "đăng ký hộ tịch",
            "quản lý rủi ro", "xem xét của lãnh đạo"};
        DocumentType[] types = DocumentType.values();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        int batch = 1000;
        for (int from = 0; from < count; from += batch) {
            var insert = dsl.insertInto(DOCUMENT, DOCUMENT.UNIT_ID, DOCUMENT.CODE, DOCUMENT.CODE_KEY, DOCUMENT.TITLE,
                    DOCUMENT.SEARCH_KEY, DOCUMENT.DOC_TYPE, DOCUMENT.OWNER_ID, DOCUMENT.REVIEW_PERIOD_MONTHS,
                    DOCUMENT.NEXT_REVIEW_ON,
                    DOCUMENT.STATUS, DOCUMENT.CREATED_AT, DOCUMENT.UPDATED_AT);
            for (int i = from; i < Math.min(count, from + batch); i++) {
                DocumentType type = types[i % types.length];
                String code = type.codePrefix() + "-B" + i;
                String title = switch (type) {
                    case FORM -> "Biểu mẫu ";
                    case EXTERNAL -> "Văn bản ";
                    default -> "Quy trình ";
                } + subjects[(i / types.length) % subjects.length] + " số " + i;
                boolean effective = i % 5 != 0;
                insert = insert.values(unit.value(), code, code, title, TextFolding.fold(code + " " + title), type.name(),
                        author.value(), 12, effective ? today.plusDays((i % 730) - 60) : null,
                        (effective ? DocumentStatus.EFFECTIVE : DocumentStatus.DRAFT).name(), now, now);
            }
            insert.execute();
        }
        dsl.insertInto(REVISION, REVISION.DOCUMENT_ID, REVISION.NUMBER, REVISION.STATUS, REVISION.CONTENT_TEXT,
                        REVISION.CHANGE_SUMMARY, REVISION.AUTHOR_ID, REVISION.CREATED_AT, REVISION.EFFECTIVE_ON,
                        REVISION.EFFECTIVE_AT, REVISION.EFFECTIVE_MARKER)
                .select(DSL.select(DOCUMENT.ID, DSL.inline(1), DSL.inline("EFFECTIVE"), DSL.inline("Nội dung"),
                                DSL.inline("Ban hành lần đầu"), DSL.inline(author.value()), DSL.inline(now),
                                DSL.inline(today), DSL.inline(now), DOCUMENT.ID)
                        .from(DOCUMENT)
                        .where(DOCUMENT.UNIT_ID.eq(unit.value()).and(DOCUMENT.CODE.contains("-B"))
                                .and(DOCUMENT.STATUS.eq("EFFECTIVE"))))
                .execute();
        dsl.update(DOCUMENT)
                .set(DOCUMENT.EFFECTIVE_REVISION_ID, DSL.select(REVISION.ID).from(REVISION)
                        .where(REVISION.DOCUMENT_ID.eq(DOCUMENT.ID).and(REVISION.STATUS.eq("EFFECTIVE"))))
                .where(DOCUMENT.UNIT_ID.eq(unit.value()).and(DOCUMENT.CODE.contains("-B"))
                        .and(DOCUMENT.STATUS.eq("EFFECTIVE")))
                .execute();
    }
}
