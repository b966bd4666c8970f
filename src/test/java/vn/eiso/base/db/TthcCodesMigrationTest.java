package vn.eiso.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * V26 turns the TTHC codes register entries held as free text into the catalogue's short codes, on H2 and on
 * PostgreSQL: the place suffix of full codes goes, codes the catalogue may not know stay to be listed for
 * correction, and an empty field becomes null.
 */
class TthcCodesMigrationTest {

    @Test
    void existing_codes_become_short_codes_and_nothing_else_is_lost() throws SQLException {
        try (ThrowAwayDatabase database = new ThrowAwayDatabase()) {
            database.configure().locations("classpath:db/migration").target("25").load().migrate();
            database.sql("insert into unit (id, code, name, unit_type, status, created_at, updated_at)"
                    + " values (1, 'U', 'Đơn vị', 'AGENCY', 'ACTIVE', current_timestamp, current_timestamp)");
            String[] fields = {"1.001612.000.00.00.H12; 2.000815.000.00.00.H12", "1.001233, 1.000775",
                    "2.002204.000.00.00.H12;1.001193", "  ", "Thủ tục khai sinh", null};
            for (int i = 0; i < fields.length; i++) {
                database.sql("insert into document (id, unit_id, code, code_key, title, search_key, doc_type,"
                        + " tthc_codes, created_at, updated_at) values (" + (i + 1) + ", 1, 'QT-0" + i + "', 'QT-0"
                        + i + "', 'Quy trình', 'quy trinh', 'PROCEDURE', "
                        + (fields[i] == null ? "null" : "'" + fields[i] + "'")
                        + ", current_timestamp, current_timestamp)");
            }

            database.configure().locations("classpath:db/migration").target("26").load().migrate();

            assertThat(database.rows("select tthc_codes from document order by id")).containsExactly(
                    "1.001612, 2.000815", "1.001233, 1.000775", "2.002204,1.001193", "null", "Thủ tục khai sinh",
                    "null");
        }
    }
}
