package vn.eiso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.announcement.Announcement;
import vn.eiso.announcement.Announcements;
import vn.eiso.announcement.Decision;
import vn.eiso.annualreport.AnnualReports;
import vn.eiso.audit.Audits;
import vn.eiso.audit.ManagementReviews;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.console.RolloutConsole;
import vn.eiso.document.Attachment;
import vn.eiso.document.ChangeRequests;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.ImportJob;
import vn.eiso.document.ImportJobs;
import vn.eiso.document.Records;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.inspection.Inspections;
import vn.eiso.nonconformity.NcReport;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.nonconformity.NonconformityId;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UserService;
import vn.eiso.planning.Objective;
import vn.eiso.planning.ObjectiveData;
import vn.eiso.planning.Objectives;
import vn.eiso.planning.Risks;
import vn.eiso.search.SearchQuery;
import vn.eiso.search.SearchService;
import vn.eiso.signature.TestPki;
import vn.eiso.signature.TrustStore;
import vn.eiso.support.Accounts;
import vn.eiso.support.DemoSteps;
import vn.eiso.support.Http;
import vn.eiso.support.Imports;

/**
 * Who may do what, as one table: every role, in the unit whose data it is (own), in another unit (other) or
 * province-wide, against every kind of service call and HTTP address that reads or changes Sở Tư pháp's data. The
 * expected verdict comes from {@link Right#allows} alone, never from the code under test; the whole matrix is
 * printed (and kept in {@code target/authorization-matrix.txt}) so that a reviewer reads the policy, not the code.
 */
// A real server shares JVM-wide state (the security context strategy) with the mock contexts: own JVM.
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum Scope { OWN, OTHER, PROVINCE, ANONYMOUS }

    /** Who asks: a role held in Sở Tư pháp (own), in UBND xã Tân Phú (other), or over the whole province. */
    record Actor(String label, Role role, Scope scope, String username, String password) {
    }

    /** The policy: what each kind of call needs, written once here and nowhere else in the test. */
    enum Right {
        /** Published documents, registers, figures of the unit: its members and the province-wide roles. */
        READ,
        /** Drafts, revisions in review, not yet in force: the unit's editors (quality officer, head). */
        READ_DRAFT,
        /** Taking part in the unit's work (filing a record, asking for a change): its members. */
        MEMBER,
        /** Changing the unit's QMS: its quality officer or head. */
        EDIT,
        /** Issuing the unit's decisions: its head. */
        HEAD,
        /** Reporting a problem in the unit: its members, and the science department who inspects it. */
        REPORT,
        /** The whole province: the science department and administrators. */
        PROVINCE,
        /** System administration. */
        ADMIN,
        /** The public register: anyone, signed in or not. */
        PUBLIC,
        /** Nobody, whoever asks (an unpublished decision through the public address). */
        NOBODY;

        boolean allows(Actor actor) {
            boolean admin = actor.role() == Role.ADMINISTRATOR;
            boolean oversight = actor.role() == Role.OVERSIGHT;
            boolean own = actor.scope() == Scope.OWN;
            boolean editor = own && actor.role().isEditor();
            return switch (this) {
                case READ -> admin || oversight || own;
                case READ_DRAFT, EDIT -> admin || editor;
                case MEMBER -> admin || own;
                case HEAD -> admin || own && actor.role() == Role.UNIT_HEAD;
                case REPORT -> admin || oversight || own;
                case PROVINCE -> admin || oversight;
                case ADMIN -> admin;
                case PUBLIC -> true;
                case NOBODY -> false;
            };
        }
    }

    enum Channel { SERVICE, HTTP }

    /** One row: a call, the right it needs, and whether the actor got what it asked for. */
    record Action(String name, Channel channel, Right right, Predicate<Actor> attempt) {
    }

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    UnitService units;
    @Autowired
    UserService users;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    ImportJobs imports;
    @Autowired
    Records records;
    @Autowired
    ChangeRequests changeRequests;
    @Autowired
    Nonconformities nonconformities;
    @Autowired
    Objectives objectives;
    @Autowired
    Risks risks;
    @Autowired
    Audits audits;
    @Autowired
    ManagementReviews reviews;
    @Autowired
    Announcements announcements;
    @Autowired
    TrustStore trust;
    @Autowired
    AnnualReports annualReports;
    @Autowired
    RolloutConsole console;
    @Autowired
    Inspections inspections;
    @Autowired
    AuditTrail trail;
    @Autowired
    SearchService search;
    @Autowired
    Clock clock;

    private final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, HttpClient> browsers = new HashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final String password = "Ma trận quyền " + UUID.randomUUID();
    private final List<Actor> actors = new ArrayList<>();
    private UnitId stp;
    private UserId officer;
    private String draftTitle;
    private String effectiveTitle;
    private Attachment draftFile;
    private Attachment effectiveFile;
    private DocumentId draftDocument;
    private DocumentSummary template;
    private NonconformityId nc;
    private Objective objective;
    private Announcement published;
    private Announcement unsigned;

    @BeforeAll
    void prepareSoTuPhap() {
        stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
        UnitId tanPhu = SystemAuthentication.runAsSystem(() -> units.byCode("X-TANPHU").id());
        String n = Imports.freeNumber(register, stp);
        draftTitle = "Dự thảo ma trận quyền " + n;
        effectiveTitle = "Quy trình ma trận quyền " + n;
        String manifest = "file,code,title,type,revision,effective_date\n"
                + "hieu-luc.pdf,QT-" + n + "," + effectiveTitle + ",PROCEDURE,1," + LocalDate.now(clock).minusDays(3)
                + "\n";
        ImportJob job = Imports.confirmed(imports, userDetails, stp, vn.eiso.support.Files.zip(
                "manifest.csv", manifest.getBytes(StandardCharsets.UTF_8),
                "hieu-luc.pdf", vn.eiso.support.Files.pdf("Quy trinh hieu luc " + n),
                "BM-" + n + " " + draftTitle + ".pdf", vn.eiso.support.Files.pdf("Du thao " + n)),
                "thuky.stp", "lanhdao.stp");
        assertThat(job.refused()).as(job.toString()).isZero();
        try {
            officer = Accounts.signIn(userDetails, "thuky.stp").userId();
            effectiveFile = onlyFile("QT-" + n, DocumentStatus.EFFECTIVE);
            draftFile = onlyFile("BM-" + n, DocumentStatus.DRAFT);
            draftDocument = document("BM-" + n).id();
            template = register.list(new DocumentFilter(stp, null, DocumentType.RECORD_TEMPLATE,
                    DocumentStatus.EFFECTIVE, null, false), DocumentSort.CODE, true, 0, 1).getFirst();
            Accounts.signIn(userDetails, "congchuc.stp");
            nc = nonconformities.report(new NcReport(stp, Nonconformity.Source.STAFF, "Sổ theo dõi thiếu chữ ký " + n,
                    null, null), Map.of());
            Accounts.signIn(userDetails, "thuky.stp");
            objective = objectives.create(stp, objectiveData());

            // A decision published on the public register, and a later one not yet signed, hence not public.
            DemoSteps.approveRiskProcedure(register, workflow, stp, u -> Accounts.signIn(userDetails, u));
            Accounts.signIn(userDetails, "lanhdao.stp");
            published = announcements.announce(stp, new Decision("8" + n + "/QĐ-STP", LocalDate.now(clock),
                    "Trần Văn Hùng", "Giám đốc"));
            Accounts.signIn(userDetails, "admin");
            trust.add("ca.pem", TestPki.SHARED.bundle());
            Accounts.signIn(userDetails, "lanhdao.stp");
            announcements.attachSigned(published.id(), "QĐ đã ký.pdf",
                    TestPki.signed(announcements.decisionPdf(published.id()), TestPki.DIRECTOR));
            unsigned = announcements.announce(stp, new Decision("9" + n + "/QĐ-STP", LocalDate.now(clock),
                    "Trần Văn Hùng", "Giám đốc"));

            // The roles the demo province has no account for on one side or the other.
            Accounts.signIn(userDetails, "admin");
            account("nhanvien.xa", tanPhu, Role.STAFF);
            account("danhgianoibo.stp", stp, Role.INTERNAL_AUDITOR);
            account("danhgianoibo.xa", tanPhu, Role.INTERNAL_AUDITOR);
            search.catchUp();
        } finally {
            Accounts.signOut();
        }
        actors.addAll(List.of(
                demo("quản trị", Role.ADMINISTRATOR, Scope.PROVINCE, "admin"),
                demo("Sở KH&CN", Role.OVERSIGHT, Scope.PROVINCE, "sokhcn"),
                demo("lãnh đạo", Role.UNIT_HEAD, Scope.OWN, "lanhdao.stp"),
                demo("lãnh đạo", Role.UNIT_HEAD, Scope.OTHER, "lanhdao.xa"),
                demo("thư ký ISO", Role.QUALITY_OFFICER, Scope.OWN, "thuky.stp"),
                demo("thư ký ISO", Role.QUALITY_OFFICER, Scope.OTHER, "thuky.xa"),
                demo("công chức", Role.STAFF, Scope.OWN, "congchuc.stp"),
                new Actor("công chức", Role.STAFF, Scope.OTHER, "nhanvien.xa", password),
                new Actor("đánh giá viên", Role.INTERNAL_AUDITOR, Scope.OWN, "danhgianoibo.stp", password),
                new Actor("đánh giá viên", Role.INTERNAL_AUDITOR, Scope.OTHER, "danhgianoibo.xa", password),
                new Actor("khách", Role.STAFF, Scope.ANONYMOUS, null, null)));
    }

    private static Actor demo(String label, Role role, Scope scope, String username) {
        return new Actor(label, role, scope, username, Accounts.DEMO_PASSWORD);
    }

    private void account(String username, UnitId unit, Role role) {
        var user = users.create(new NewUser(username, "Tài khoản " + username, username + "@example.vn", password));
        users.grant(user.id(), unit, role);
    }

    private DocumentSummary document(String code) {
        return register.list(new DocumentFilter(stp, code, null, null, null, false), DocumentSort.CODE, true, 0, 10)
                .stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    private Attachment onlyFile(String code, DocumentStatus status) {
        DocumentSummary document = document(code);
        assertThat(document.status()).isEqualTo(status);
        return workflow.attachments(workflow.history(document.id()).getFirst().id()).getFirst();
    }

    private ObjectiveData objectiveData() {
        return new ObjectiveData("Tỷ lệ hồ sơ đúng hạn " + serial.incrementAndGet(), "hồ sơ đúng hạn / tổng số",
                Objective.Direction.AT_LEAST, new BigDecimal("95"), "%", Objective.Frequency.MONTHLY, officer);
    }

    // ---- the rows: every service call and address that reads or changes the unit's data

    private List<Action> actions() {
        int year = LocalDate.now(clock).getYear();
        return List.of(
                service("sổ tài liệu (danh sách)", Right.READ,
                        () -> !register.list(DocumentFilter.of(stp), DocumentSort.CODE, true, 0, 500).isEmpty()),
                service("tài liệu đang hiệu lực: lịch sử", Right.READ,
                        () -> !workflow.history(document(effectiveCode()).id()).isEmpty()),
                service("tài liệu dự thảo: mở", Right.READ_DRAFT, () -> register.get(draftDocument) != null),
                service("tệp đang hiệu lực: tải", Right.READ,
                        () -> workflow.open(effectiveFile.id()).content().length > 0),
                service("tệp dự thảo: tải", Right.READ_DRAFT, () -> workflow.open(draftFile.id()).content().length > 0),
                service("tìm kiếm: tài liệu đang hiệu lực", Right.READ, () -> found(effectiveTitle)),
                service("tìm kiếm: dự thảo", Right.READ_DRAFT, () -> found(draftTitle)),
                service("tài liệu: tạo mới", Right.EDIT, () -> register.create(stp, DocumentData.of(
                        "MT-" + serial.incrementAndGet(), "Tài liệu ma trận", DocumentType.FORM, officer)) != null),
                service("hồ sơ (danh sách)", Right.READ, () -> records.count(stp) >= 0),
                service("hồ sơ: lập theo biểu mẫu", Right.MEMBER, () -> records.file(template.id(),
                        "Hồ sơ ma trận " + serial.incrementAndGet(), "Nội dung", Map.of()) != null),
                service("tài liệu: đề nghị sửa đổi", Right.MEMBER, () -> changeRequests.request(
                        document(effectiveCode()).id(), "Đề nghị ma trận " + serial.incrementAndGet()) != null),
                service("sự không phù hợp (danh sách)", Right.READ,
                        () -> nonconformities.ofUnit(stp, false).stream().anyMatch(x -> x.id().equals(nc))),
                service("sự không phù hợp: mở", Right.READ, () -> nonconformities.get(nc) != null),
                service("sự không phù hợp: báo cáo", Right.REPORT, () -> nonconformities.report(new NcReport(stp,
                        Nonconformity.Source.CITIZEN, "Phản ánh ma trận " + serial.incrementAndGet(), null, null),
                        Map.of()) != null),
                service("mục tiêu chất lượng (danh sách)", Right.READ, () -> !objectives.ofUnit(stp).isEmpty()),
                service("mục tiêu chất lượng: kết quả", Right.READ,
                        () -> objectives.measurements(objective.id()) != null),
                service("mục tiêu chất lượng: tạo mới", Right.EDIT,
                        () -> objectives.create(stp, objectiveData()) != null),
                service("rủi ro (danh sách)", Right.READ, () -> !risks.ofUnit(stp).isEmpty()),
                service("chương trình đánh giá nội bộ", Right.READ, () -> audits.programme(stp, year) != null),
                service("xem xét của lãnh đạo (danh sách)", Right.READ, () -> !reviews.ofUnit(stp).isEmpty()),
                service("xem xét của lãnh đạo: chuẩn bị", Right.EDIT, () -> reviews.prepare(stp,
                        LocalDate.now(clock).plusDays(30 + serial.incrementAndGet()), "Xem xét ma trận") != null),
                service("công bố (danh sách)", Right.READ, () -> !announcements.ofUnit(stp).isEmpty()),
                service("công bố: xem trước quyết định", Right.HEAD, () -> announcements.preview(stp,
                        new Decision("99/QĐ-STP", LocalDate.now(clock), "Trần Văn Hùng", "Giám đốc")).length > 0),
                service("công bố: bản ký (nội bộ)", Right.READ,
                        () -> announcements.signedCopy(published.id()).content().length > 0),
                service("báo cáo năm", Right.READ, () -> annualReports.find(stp, year) != null),
                service("bảng điều khiển: đơn vị có trong tổng quan", Right.READ,
                        () -> console.overview().units().stream().anyMatch(u -> u.id().equals(stp))),
                service("bảng điều khiển: chi tiết đơn vị", Right.READ, () -> console.unit(stp) != null),
                service("kiểm tra: lập kế hoạch", Right.PROVINCE, () -> inspections.plan(stp,
                        LocalDate.now(clock).plusDays(10), "Kiểm tra ma trận", "Đoàn kiểm tra") != null),
                service("người dùng (danh sách)", Right.ADMIN, () -> !users.find("").isEmpty()),
                service("nhật ký hệ thống", Right.ADMIN,
                        () -> !trail.find(AuditFilter.NONE, 0, 10).isEmpty()),

                http("GET tệp đang hiệu lực", Right.READ, a -> get(a, effectiveFile.downloadPath()) == 200),
                http("GET tệp dự thảo", Right.READ_DRAFT, a -> get(a, draftFile.downloadPath()) == 200),
                http("GET tệp dự thảo (xem trước)", Right.READ_DRAFT, a -> get(a, draftFile.previewPath()) == 200),
                http("API tìm kiếm: đang hiệu lực", Right.READ, a -> apiFinds(a, effectiveTitle)),
                http("API tìm kiếm: dự thảo", Right.READ_DRAFT, a -> apiFinds(a, draftTitle)),
                http("API sự không phù hợp: mở", Right.READ, a -> get(a, "api/v1/nonconformities/" + nc.value()) == 200),
                http("API sự không phù hợp: báo cáo", Right.REPORT, a -> postNc(a) == 201),
                http("công bố công khai: quyết định đã ký", Right.PUBLIC,
                        a -> get(a, "public/announcements/" + published.id() + "/decision") == 200),
                // Every issued decision is public at once (the generated one until the signed copy replaces it).
                http("công bố công khai: quyết định chưa ký", Right.PUBLIC,
                        a -> get(a, "public/announcements/" + unsigned.id() + "/decision") == 200),
                http("công bố công khai: số đoán thử", Right.NOBODY,
                        a -> get(a, "public/announcements/" + (unsigned.id() + 1000) + "/decision") == 200),
                http("trang công bố công khai", Right.PUBLIC, a -> get(a, Announcements.PUBLIC_ROUTE) == 200));
    }

    private String effectiveCode() {
        return "QT-" + effectiveTitle.substring(effectiveTitle.lastIndexOf(' ') + 1);
    }

    private boolean found(String title) {
        return search.search(new SearchQuery("\"" + title + "\"", null, null, null, null, false, null,
                SearchQuery.Sort.RELEVANCE, 0, 10)).hits().stream().anyMatch(h -> title.equals(h.title()));
    }

    private static Action service(String name, Right right, java.util.function.BooleanSupplier call) {
        return new Action(name, Channel.SERVICE, right, actor -> call.getAsBoolean());
    }

    private static Action http(String name, Right right, Predicate<Actor> call) {
        return new Action(name, Channel.HTTP, right, call);
    }

    // ---- HTTP as each actor: the API with HTTP Basic, pages and files in a browser session signed in through the
    // login form; the anonymous visitor with neither

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/" + path);
    }

    private HttpRequest.Builder request(Actor actor, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (actor.username() != null && path.startsWith("api/")) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (actor.username() + ":" + actor.password()).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpClient browser(Actor actor) {
        if (actor.username() == null) {
            return anonymous;
        }
        return browsers.computeIfAbsent(actor.username(), u -> {
            HttpClient client = Http.browser();
            send(client, HttpRequest.newBuilder(uri("login")).GET().build());
            String form = "username=" + URLEncoder.encode(u, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(actor.password(), StandardCharsets.UTF_8);
            HttpResponse<String> login = send(client, HttpRequest.newBuilder(uri("login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(login.headers().firstValue("Location").orElse("?error")).as("login of " + u)
                    .doesNotContain("error");
            return client;
        });
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(anonymous, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        return Http.send(client, request);
    }

    /** The status; a page or file meant for signed-in users sends an anonymous visitor to the login (302). */
    private int get(Actor actor, String path) {
        HttpClient client = path.startsWith("api/") ? anonymous : browser(actor);
        return send(client, request(actor, path).GET().build()).statusCode();
    }

    private boolean apiFinds(Actor actor, String title) {
        HttpResponse<String> response = send(request(actor, "api/v1/search?q="
                + URLEncoder.encode("\"" + title + "\"", StandardCharsets.UTF_8)).GET().build());
        return response.statusCode() == 200 && response.body().contains(title);
    }

    private int postNc(Actor actor) {
        String body = "{\"source\":\"CITIZEN\",\"description\":\"Phản ánh qua API " + serial.incrementAndGet() + "\"}";
        return send(request(actor, "api/v1/units/STP/nonconformities").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode();
    }

    // ---- the run

    /** Whether the actor got what it asked for; a refusal is "not found" or "forbidden", nothing else. */
    private boolean attempt(Action action, Actor actor) {
        if (action.channel() == Channel.HTTP) {
            return action.attempt().test(actor);
        }
        if (actor.username() == null) {
            return false;
        }
        try {
            Accounts.signIn(userDetails, actor.username());
            return action.attempt().test(actor);
        } catch (AccessDeniedException e) {
            return false;
        } catch (DomainException e) {
            if (e.messageKey().endsWith("notFound")) {
                return false;
            }
            throw new AssertionError(action.name() + " as " + actor.username() + ": " + e.messageKey(), e);
        } finally {
            Accounts.signOut();
        }
    }

    @Test
    void every_role_gets_exactly_what_the_policy_gives_in_its_own_unit_another_unit_and_the_province()
            throws IOException {
        List<Action> actions = actions();
        Map<Action, Map<Actor, Boolean>> results = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Action action : actions) {
            Map<Actor, Boolean> row = new LinkedHashMap<>();
            for (Actor actor : actors) {
                if (actor.scope() == Scope.ANONYMOUS && action.channel() == Channel.SERVICE) {
                    continue;
                }
                boolean got = attempt(action, actor);
                row.put(actor, got);
                if (got != action.right().allows(actor)) {
                    wrong.add((got ? "LEAK: " : "DENIED: ") + action.name() + " [" + action.right() + "] as "
                            + (actor.username() == null ? "anonymous" : actor.username()));
                }
            }
            results.put(action, row);
        }
        String matrix = print(results);
        System.out.println(matrix);
        Path out = Path.of("target", "authorization-matrix.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, matrix);

        assertThat(wrong).as("cells that differ from the policy").isEmpty();
        Map<Right, Integer> rows = new EnumMap<>(Right.class);
        actions.forEach(a -> rows.merge(a.right(), 1, Integer::sum));
        assertThat(rows.keySet()).as("every right is exercised").containsAll(Set.of(Right.values()));
        long granted = results.values().stream().flatMap(r -> r.values().stream()).filter(b -> b).count();
        long refused = results.values().stream().flatMap(r -> r.values().stream()).filter(b -> !b).count();
        assertThat(granted).as("cells granted").isPositive();
        assertThat(refused).as("cells refused").isPositive();
    }

    private String print(Map<Action, Map<Actor, Boolean>> results) {
        StringBuilder out = new StringBuilder("Authorization matrix for Sở Tư pháp's data (✓ allowed, · refused)\n\n");
        out.append(String.format("%-52s %-10s %-7s", "action", "right", "via"));
        for (Actor actor : actors) {
            out.append(String.format(" %-5s", code(actor)));
        }
        out.append('\n');
        results.forEach((action, row) -> {
            out.append(String.format("%-52s %-10s %-7s", action.name(), action.right(), action.channel()));
            for (Actor actor : actors) {
                Boolean got = row.get(actor);
                out.append(String.format(" %-5s", got == null ? "" : got ? "✓" : "·"));
            }
            out.append('\n');
        });
        out.append("\ncolumns:\n");
        for (Actor actor : actors) {
            out.append(String.format("  %-5s %s, %s (%s)%n", code(actor), actor.label(), actor.scope(),
                    actor.username() == null ? "not signed in" : actor.username()));
        }
        return out.toString();
    }

    private static String code(Actor actor) {
        String role = switch (actor.role()) {
            case ADMINISTRATOR -> "AD";
            case OVERSIGHT -> "KH";
            case UNIT_HEAD -> "LD";
            case QUALITY_OFFICER -> "TK";
            case INTERNAL_AUDITOR -> "DG";
            case STAFF -> "CC";
        };
        return actor.scope() == Scope.ANONYMOUS ? "ANON" : role + switch (actor.scope()) {
            case OWN -> "+";
            case OTHER -> "-";
            default -> "*";
        };
    }
}
