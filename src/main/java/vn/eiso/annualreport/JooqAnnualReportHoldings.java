package vn.eiso.annualreport;

import static vn.eiso.db.Tables.ANNUAL_REPORT;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.organisation.TableHoldings;

/** Annual reports move with their unit; each keeps the unit that wrote it, so a successor's own report is apart. */
@Repository
class JooqAnnualReportHoldings extends TableHoldings {

    JooqAnnualReportHoldings(DSLContext dsl) {
        super(dsl, AnnualReports.TARGET, ANNUAL_REPORT, ANNUAL_REPORT.ID, ANNUAL_REPORT.UNIT_ID,
                DSL.inline("Báo cáo năm ").concat(ANNUAL_REPORT.REPORT_YEAR), List.of());
    }
}
