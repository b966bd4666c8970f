package vn.eiso.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.DomainException;
import vn.eiso.base.UserId;
import vn.eiso.base.ui.Messages;
import vn.eiso.support.ServiceTest;

/** Clause 9.3: the pre-filled inputs count what the other registers hold, and a closed review is frozen. */
class ManagementReviewTest extends ServiceTest {

    @Autowired
    ManagementReviews reviews;
    @Autowired
    DSLContext dsl;



    /** A bound timestamp or date in plain SQL: PostgreSQL will not compare a column with an untyped parameter. */
    private static final String T = "cast(? as timestamp with time zone)";
    private static final String D = "cast(? as date)";
    /** The unit's reviews held before the day: (unit, day). */
    private static final String EARLIER = "(select id from management_review where unit_id = ? and held_on < " + D + ")";

    /** The column within the review's period: two bound timestamps. */
    private static String inPeriod(String column) {
        return column + " >= " + T + " and " + column + " < " + T;
    }

    /** A count in plain SQL, written apart from the code under test. */
    private long count(String sql, Object... args) {
        return dsl.fetchValue(sql, args) instanceof Number n ? n.longValue() : -1;
    }

    private List<Long> figures(ManagementReview review, ReviewInputKey key) {
        return review.inputs().stream().filter(i -> i.key() == key).findFirst().orElseThrow().figures();
    }

    @Test
    void every_input_is_there_and_the_prefilled_figures_equal_direct_counts_of_the_data() {
        as("thuky.stp");
        ManagementReview review = reviews.prepare(stp, today, "Xem xét kiểm tra số liệu");

        assertThat(review.inputs()).extracting(ReviewInput::key).containsExactly(ReviewInputKey.values());
        LocalDate previous = dsl.resultQuery("select max(held_on) from management_review where unit_id = ?"
                + " and held_on < " + D, stp.value(), today).fetchOne(0, LocalDate.class);
        assertThat(previous).as("the demo's review of last year").isNotNull();
        LocalDate from = previous.plusDays(1);
        ZoneId zone = clock.getZone();
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = today.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        long u = stp.value();

        assertThat(figures(review, ReviewInputKey.PREVIOUS_ACTIONS)).containsExactly(
                count("select count(*) from review_action where unit_id = ? and review_id in " + EARLIER, u, u, today),
                count("select count(*) from review_action where unit_id = ? and review_id in " + EARLIER
                        + " and done_at is not null", u, u, today),
                count("select count(*) from review_action where unit_id = ? and review_id in " + EARLIER
                        + " and done_at is null", u, u, today),
                count("select count(*) from review_action where unit_id = ? and review_id in " + EARLIER
                        + " and done_at is null and due_on < " + D, u, u, today, today));
        assertThat(figures(review, ReviewInputKey.NONCONFORMITIES)).containsExactly(
                count("select count(*) from nonconformity where unit_id = ? and " + inPeriod("reported_at"),
                        u, start, end),
                count("select count(*) from nonconformity where unit_id = ? and status <> 'CLOSED'", u),
                count("select count(*) from nonconformity where unit_id = ? and status <> 'CLOSED'"
                        + " and severity = 'MAJOR'", u));
        assertThat(figures(review, ReviewInputKey.AUDITS)).containsExactly(
                count("select count(*) from audit where unit_id = ? and " + inPeriod("signed_at"), u, start, end),
                count("select count(*) from audit_item i join audit a on a.id = i.audit_id where a.unit_id = ?"
                        + " and " + inPeriod("a.signed_at") + " and i.result in ('MINOR_NC', 'MAJOR_NC')",
                        u, start, end),
                count("select count(*) from audit_item i join audit a on a.id = i.audit_id where a.unit_id = ?"
                        + " and " + inPeriod("a.signed_at") + " and i.result = 'OBSERVATION'", u, start, end));
        assertThat(figures(review, ReviewInputKey.RISKS)).containsExactly(
                count("select count(*) from risk where unit_id = ? and status = 'OPEN' and kind = 'RISK'", u),
                count("select count(*) from risk where unit_id = ? and status = 'OPEN' and kind = 'RISK'"
                        + " and likelihood * impact >= 12", u),
                count("select count(*) from risk where unit_id = ? and status = 'OPEN' and kind = 'RISK'"
                        + " and review_on < " + D, u, today));
        assertThat(figures(review, ReviewInputKey.CHANGES)).containsExactly(
                count("select count(*) from revision r join document d on d.id = r.document_id where d.unit_id = ?"
                        + " and " + inPeriod("r.effective_at"), u, start, end));
        assertThat(figures(review, ReviewInputKey.PROCESS_PERFORMANCE).getFirst()).isEqualTo(
                count("select count(*) from document where unit_id = ? and doc_type = 'PROCEDURE'"
                        + " and status = 'EFFECTIVE'", u));
        assertThat(figures(review, ReviewInputKey.PROCESS_PERFORMANCE).subList(2, 5)).as("one-stop dossiers")
                .containsExactly(count("select coalesce(sum(received), 0) from dossier_statistic where unit_id = ?"
                        + " and month_start between cast(? as date) and cast(? as date)", u, from, today),
                        count("select coalesce(sum(on_time), 0) from dossier_statistic where unit_id = ?"
                                + " and month_start between cast(? as date) and cast(? as date)", u, from, today),
                        count("select coalesce(sum(late), 0) from dossier_statistic where unit_id = ?"
                                + " and month_start between cast(? as date) and cast(? as date)", u, from, today));
        long measured = count("select count(*) from quality_objective o where o.unit_id = ? and o.active", u);
        assertThat(figures(review, ReviewInputKey.OBJECTIVES).getFirst()).isEqualTo(measured);
        List<Long> objectives = figures(review, ReviewInputKey.OBJECTIVES);
        assertThat(objectives.get(1) + objectives.get(2) + objectives.get(3)).isEqualTo(objectives.getFirst());
        assertThat(figures(review, ReviewInputKey.PROVIDERS)).isEmpty();
        // The demo unit has something in each of these, so a wrong count cannot pass as zero equals zero.
        assertThat(figures(review, ReviewInputKey.AUDITS).getFirst()).isPositive();
        assertThat(figures(review, ReviewInputKey.RISKS).getFirst()).isPositive();
        assertThat(figures(review, ReviewInputKey.NONCONFORMITIES).get(1)).isPositive();
        assertThat(figures(review, ReviewInputKey.PREVIOUS_ACTIONS).getFirst()).isPositive();
    }

    @Test
    void closing_needs_every_input_covered_and_the_minutes_then_only_actions_move() {
        as("thuky.stp");
        ManagementReview review = reviews.prepare(stp, today, "Xem xét kiểm tra đóng");
        UserId officer = as("thuky.stp").userId();
        assertThatThrownBy(() -> reviews.addAction(review.id(), "Việc quá khứ", officer, today.minusDays(1)))
                .hasFieldOrPropertyWithValue("messageKey", "error.review.duePast");
        ManagementReview withAction = reviews.addAction(review.id(), "Bổ sung nhân lực", officer, today.plusDays(5));

        as("lanhdao.stp");
        assertThatThrownBy(() -> reviews.close(review.id(), withAction.version()))
                .hasFieldOrPropertyWithValue("messageKey", "error.review.inputsUncovered");
        Map<ReviewInputKey, ReviewInput> inputs = new EnumMap<>(ReviewInputKey.class);
        for (ReviewInputKey key : ReviewInputKey.values()) {
            inputs.put(key, new ReviewInput(key, List.of(), "Đã xem xét " + key, true));
        }
        ManagementReview recorded = reviews.record(review.id(), withAction.version(), null, null, inputs);
        assertThatThrownBy(() -> reviews.close(review.id(), recorded.version()))
                .hasFieldOrPropertyWithValue("messageKey", "error.review.minutesRequired");
        ManagementReview minuted = reviews.record(review.id(), recorded.version(), "Lãnh đạo, thư ký ISO",
                "Hệ thống phù hợp.", inputs);

        as("thuky.stp");
        assertThatThrownBy(() -> reviews.close(review.id(), minuted.version()))
                .isInstanceOf(AccessDeniedException.class);
        as("lanhdao.stp");
        ManagementReview closed = reviews.close(review.id(), minuted.version());
        assertThat(closed.status()).isEqualTo(ManagementReview.Status.CLOSED);
        assertThatThrownBy(() -> reviews.record(review.id(), closed.version(), "khác", "khác", inputs))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey", "error.review.closed");
        assertThat(reviews.get(review.id()).minutes()).isEqualTo("Hệ thống phù hợp.");

        ReviewAction action = closed.actions().getFirst();
        as("congchuc.stp");
        assertThatThrownBy(() -> reviews.completeAction(action.id(), action.version()))
                .isInstanceOf(AccessDeniedException.class);
        as("thuky.stp");
        reviews.completeAction(action.id(), action.version());
        assertThat(reviews.get(review.id()).actions().getFirst().doneAt()).isNotNull();
    }

    @Test
    void the_minutes_pdf_holds_the_vietnamese_text_as_written() throws Exception {
        as("thuky.stp");
        ManagementReview review = reviews.prepare(stp, today, "Họp xem xét quý IV – Sở Tư pháp");
        Map<ReviewInputKey, ReviewInput> inputs = new EnumMap<>(ReviewInputKey.class);
        inputs.put(ReviewInputKey.RESOURCES, new ReviewInput(ReviewInputKey.RESOURCES, List.of(),
                "Thiếu 01 công chức tiếp nhận hồ sơ ở Bộ phận Một cửa", true));
        reviews.record(review.id(), review.version(), "Ông Trần Văn Hùng; bà Lê Thị Mai",
                "Rút ngắn thời hạn trả Phiếu lý lịch tư pháp xuống bảy ngày.", inputs);

        byte[] pdf = reviews.minutesPdf(review.id(), Messages.texts(Messages.VIETNAMESE));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO", "Họp xem xét quý IV – Sở Tư pháp",
                "Ông Trần Văn Hùng; bà Lê Thị Mai", "Thiếu 01 công chức tiếp nhận hồ sơ ở Bộ phận Một cửa",
                "Rút ngắn thời hạn trả Phiếu lý lịch tư pháp xuống bảy ngày.", "Sự đầy đủ của nguồn lực");
    }
}
