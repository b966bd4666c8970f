package vn.eiso.support;

import static vn.eiso.db.Tables.ANNOUNCEMENT;
import static vn.eiso.db.Tables.ANNUAL_REPORT;
import static vn.eiso.db.Tables.AUDIT;
import static vn.eiso.db.Tables.CORRECTIVE_ACTION;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.MANAGEMENT_REVIEW;
import static vn.eiso.db.Tables.NONCONFORMITY;
import static vn.eiso.db.Tables.QMS_SCOPE;
import static vn.eiso.db.Tables.REPORT_PERIOD;
import static vn.eiso.db.Tables.UNIT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.console.Stage;
import vn.eiso.organisation.UnitType;

/**
 * A province generated straight into the tables, for the console's tests and benchmark: units of every type, each
 * built to stand at a chosen rollout stage (so the test knows the right answer), with documents, audits, reviews,
 * announcements, nonconformities and corrective actions of which a known mix is overdue, and for every reporting
 * period already set, a submitted annual report from every other unit.
 */
public final class GeneratedProvince {

    private static final UnitType[] TYPES = {UnitType.PROVINCIAL_AGENCY, UnitType.COMMUNE, UnitType.COMMUNE,
        UnitType.PUBLIC_SERVICE_UNIT, UnitType.COMMUNE, UnitType.COMMUNE, UnitType.COMMUNE};
    private static final String[] NC_STATUS = {"REPORTED", "ANALYSING", "ACTIONS_PLANNED", "IN_PROGRESS",
        "VERIFYING", "CLOSED"};
    private static final int BATCH = 500;

    private final DSLContext dsl;
    private final long user;
    private final LocalDate today;
    private final OffsetDateTime now;
    private final ZoneId zone;
    private final List<Query> pending = new ArrayList<>();

    public GeneratedProvince(DSLContext dsl, UserId user, LocalDate today, ZoneId zone) {
        this.dsl = dsl;
        this.user = user.value();
        this.today = today;
        this.zone = zone;
        this.now = today.atStartOfDay(zone).toOffsetDateTime();
    }

    /**
     * Creates {@code count} units under {@code parent} (codes {@code prefix-0…}), unit i at stage i mod 6, with
     * {@code documents} documents and {@code nonconformities} nonconformities each; returns each unit's stage.
     */
    public Map<UnitId, Stage> generate(String prefix, UnitId parent, int count, int documents, int nonconformities) {
        Map<UnitId, Stage> stages = new LinkedHashMap<>();
        List<Integer> years = dsl.select(REPORT_PERIOD.REPORT_YEAR).from(REPORT_PERIOD).fetch(REPORT_PERIOD.REPORT_YEAR);
        for (int i = 0; i < count; i++) {
            long id = dsl.insertInto(UNIT).set(UNIT.CODE, prefix + "-" + i)
                    .set(UNIT.NAME, "Đơn vị sinh thử " + prefix + " số " + i).set(UNIT.UNIT_TYPE, TYPES[i % 7].name())
                    .set(UNIT.PARENT_ID, parent.value()).set(UNIT.CREATED_AT, now.minusYears(3))
                    .set(UNIT.UPDATED_AT, now.minusYears(3)).returning(UNIT.ID).fetchOne(UNIT.ID);
            Stage stage = Stage.values()[i % Stage.values().length];
            history(id, i, stage);
            documents(id, i, documents);
            nonconformities(id, i, nonconformities);
            if (i % 2 == 0) {
                years.forEach(year -> report(id, year));
            }
            stages.put(new UnitId(id), stage);
        }
        flush();
        return stages;
    }

    /** The dates each stage needs, plus variants that must not move the unit on (an audit or review before applying…). */
    private void history(long unit, int i, Stage stage) {
        boolean odd = i / Stage.values().length % 2 == 1;
        switch (stage) {
            case BUILDING -> {
                if (odd) {
                    scope(unit, today.plusDays(30));
                }
            }
            case APPLYING -> {
                scope(unit, today.minusDays(200));
                if (odd) {
                    audit(unit, "SIGNED", today.minusDays(230), null);
                }
            }
            case AUDITED -> {
                scope(unit, today.minusDays(300));
                audit(unit, odd ? "ACKNOWLEDGED" : "SIGNED", today.minusDays(100), null);
                if (odd) {
                    review(unit, today.minusDays(320), "CLOSED");
                } else {
                    review(unit, today.minusDays(20), "OPEN");
                }
            }
            case REVIEWED -> {
                scope(unit, today.minusDays(300));
                audit(unit, "SIGNED", today.minusDays(100), null);
                review(unit, today.minusDays(90), "CLOSED");
                if (odd) {
                    announcement(unit, today.minusDays(60), "WITHDRAWN");
                }
            }
            case ANNOUNCED -> {
                scope(unit, today.minusDays(400));
                audit(unit, "SIGNED", today.minusDays(200), null);
                review(unit, today.minusDays(190), "CLOSED");
                announcement(unit, today.minusDays(150), odd ? "DUE" : "ANNOUNCED");
                announcement(unit, today.minusDays(300), "SUPERSEDED");
            }
            case MAINTAINING -> {
                scope(unit, today.minusDays(500));
                audit(unit, "SIGNED", today.minusDays(400), null);
                review(unit, today.minusDays(390), "CLOSED");
                announcement(unit, today.minusDays(300), "ANNOUNCED");
                audit(unit, "ACKNOWLEDGED", today.minusDays(60), null);
                review(unit, today.minusDays(50), "CLOSED");
            }
        }
        switch (i % 4) {
            case 0 -> audit(unit, "IN_PROGRESS", null, today.minusDays(10));
            case 1 -> audit(unit, "PLANNED", null, today.plusDays(20));
            case 2 -> audit(unit, "PLANNED", null, today.minusDays(1));
            default -> audit(unit, "PLANNED", null, today);
        }
    }

    private void scope(long unit, LocalDate appliedSince) {
        add(dsl.insertInto(QMS_SCOPE).set(QMS_SCOPE.UNIT_ID, unit).set(QMS_SCOPE.APPLIED_SINCE, appliedSince)
                .set(QMS_SCOPE.UPDATED_AT, now));
    }

    /** A signed audit ({@code signedOn} set) or an open one ending on {@code endsOn}. */
    private void audit(long unit, String status, LocalDate signedOn, LocalDate endsOn) {
        LocalDate ends = endsOn != null ? endsOn : signedOn.minusDays(1);
        add(dsl.insertInto(AUDIT).set(AUDIT.UNIT_ID, unit).set(AUDIT.AUDIT_YEAR, ends.getYear())
                .set(AUDIT.TITLE, "Đánh giá nội bộ").set(AUDIT.CRITERIA, "TCVN ISO 9001:2015")
                .set(AUDIT.STARTS_ON, ends.minusDays(2)).set(AUDIT.ENDS_ON, ends).set(AUDIT.LEAD_AUDITOR_ID, user)
                .set(AUDIT.STATUS, status).set(AUDIT.CREATED_AT, now.minusYears(2))
                .set(AUDIT.SIGNED_BY, signedOn == null ? null : user)
                .set(AUDIT.SIGNED_AT, signedOn == null ? null : signedOn.atTime(10, 0).atZone(zone).toOffsetDateTime()));
    }

    private void review(long unit, LocalDate heldOn, String status) {
        add(dsl.insertInto(MANAGEMENT_REVIEW).set(MANAGEMENT_REVIEW.UNIT_ID, unit)
                .set(MANAGEMENT_REVIEW.HELD_ON, heldOn).set(MANAGEMENT_REVIEW.TITLE, "Xem xét của lãnh đạo")
                .set(MANAGEMENT_REVIEW.STATUS, status).set(MANAGEMENT_REVIEW.CREATED_AT, now.minusYears(2)));
    }

    private void announcement(long unit, LocalDate on, String status) {
        add(dsl.insertInto(ANNOUNCEMENT).set(ANNOUNCEMENT.UNIT_ID, unit).set(ANNOUNCEMENT.ISSUED_UNIT_ID, unit)
                .set(ANNOUNCEMENT.NUMBER, on + "/QĐ").set(ANNOUNCEMENT.DECIDED_ON, on)
                .set(ANNOUNCEMENT.SIGNER_NAME, "Nguyễn Văn A").set(ANNOUNCEMENT.SIGNER_TITLE, "Giám đốc")
                .set(ANNOUNCEMENT.SCOPE_TEXT, "TTHC").set(ANNOUNCEMENT.SCOPE_SIGNATURE, "0".repeat(64))
                .set(ANNOUNCEMENT.STATUS, status).set(ANNOUNCEMENT.DUE_REASON, "DUE".equals(status) ? "Phạm vi" : null)
                .set(ANNOUNCEMENT.DECISION_SHA256, "0".repeat(64)).set(ANNOUNCEMENT.ISSUED_BY, user)
                .set(ANNOUNCEMENT.ISSUED_AT, on.atStartOfDay(zone).toOffsetDateTime()));
    }

    /** A submitted annual report (without sections or figures: only its being submitted counts here). */
    private void report(long unit, int year) {
        add(dsl.insertInto(ANNUAL_REPORT).set(ANNUAL_REPORT.UNIT_ID, unit).set(ANNUAL_REPORT.ISSUED_UNIT_ID, unit)
                .set(ANNUAL_REPORT.REPORT_YEAR, year).set(ANNUAL_REPORT.STATUS, "SUBMITTED")
                .set(ANNUAL_REPORT.SUBMITTED_BY, user).set(ANNUAL_REPORT.SUBMITTED_AT, now)
                .set(ANNUAL_REPORT.CREATED_AT, now).set(ANNUAL_REPORT.UPDATED_AT, now));
    }

    /** Nine in ten in force with review dates spread over the next year and the last few weeks; one in ten drafts. */
    private void documents(long unit, int i, int count) {
        for (int k = 0; k < count; k += BATCH) {
            var insert = dsl.insertInto(DOCUMENT, DOCUMENT.UNIT_ID, DOCUMENT.CODE, DOCUMENT.CODE_KEY, DOCUMENT.TITLE,
                    DOCUMENT.SEARCH_KEY, DOCUMENT.DOC_TYPE, DOCUMENT.OWNER_ID, DOCUMENT.NEXT_REVIEW_ON, DOCUMENT.STATUS,
                    DOCUMENT.CREATED_AT, DOCUMENT.UPDATED_AT);
            for (int d = k; d < Math.min(count, k + BATCH); d++) {
                boolean draft = (d + i) % 10 == 0;
                insert = insert.values(unit, "QT-" + d, "QT-" + d, "Quy trình số " + d, "qt-" + d + " quy trinh so " + d,
                        "PROCEDURE", user, draft ? null : today.plusDays((d * 37L + i) % 400 - 40),
                        draft ? "DRAFT" : "EFFECTIVE", now, now);
            }
            add(insert);
        }
    }

    /**
     * Statuses in turn; work in progress has an action due a few days ago on every other one, an effectiveness check
     * is overdue on every third; closed ones keep an old undone-looking action that must not count.
     */
    private void nonconformities(long unit, int i, int count) {
        if (count == 0) {
            return;
        }
        flush();
        var insert = dsl.insertInto(NONCONFORMITY, NONCONFORMITY.UNIT_ID, NONCONFORMITY.SOURCE,
                NONCONFORMITY.DESCRIPTION, NONCONFORMITY.SEVERITY, NONCONFORMITY.STATUS, NONCONFORMITY.REPORTED_BY,
                NONCONFORMITY.REPORTED_AT, NONCONFORMITY.VERIFY_DUE_ON, NONCONFORMITY.CLOSED_AT);
        for (int k = 0; k < count; k++) {
            String status = NC_STATUS[(k + i) % NC_STATUS.length];
            LocalDate verifyDue = "VERIFYING".equals(status) ? today.plusDays(k % 3 == 0 ? -3 : 10) : null;
            insert = insert.values(unit, "INTERNAL", "Sự không phù hợp số " + k, k % 5 == 0 ? "MAJOR" : "MINOR",
                    status, user, now.minusDays(30 + k), verifyDue, "CLOSED".equals(status) ? now.minusDays(5) : null);
        }
        List<Long> ids = insert.returning(NONCONFORMITY.ID).fetch(NONCONFORMITY.ID);
        var actions = dsl.insertInto(CORRECTIVE_ACTION, CORRECTIVE_ACTION.NC_ID, CORRECTIVE_ACTION.UNIT_ID,
                CORRECTIVE_ACTION.DESCRIPTION, CORRECTIVE_ACTION.OWNER_ID, CORRECTIVE_ACTION.DUE_ON,
                CORRECTIVE_ACTION.DONE_AT, CORRECTIVE_ACTION.CREATED_AT);
        boolean any = false;
        for (int k = 0; k < ids.size(); k++) {
            String status = NC_STATUS[(k + i) % NC_STATUS.length];
            long nc = ids.get(k);
            if ("IN_PROGRESS".equals(status) || "ACTIONS_PLANNED".equals(status)) {
                actions = actions.values(nc, unit, "Hành động", user, today.plusDays(k % 2 == 0 ? -5 : 20), null, now);
                actions = actions.values(nc, unit, "Hành động xong", user, today.minusDays(40), now.minusDays(41),
                        now);
                any = true;
            } else if ("CLOSED".equals(status) && k % 4 == 0) {
                actions = actions.values(nc, unit, "Hành động bỏ dở", user, today.minusDays(50), null, now);
                any = true;
            }
        }
        if (any) {
            add(actions);
        }
    }

    private void add(Query query) {
        pending.add(query);
        if (pending.size() >= 200) {
            flush();
        }
    }

    private void flush() {
        if (!pending.isEmpty()) {
            dsl.batch(pending).execute();
            pending.clear();
        }
    }
}
