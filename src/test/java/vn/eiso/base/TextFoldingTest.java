package vn.eiso.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void diacritics_case_and_d_bar_fold_away_in_nfc_and_nfd_alike() {
        String nfc = "Sở Tư pháp – Đường Lê Lợi";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);

        assertThat(TextFolding.fold(nfc)).isEqualTo("so tu phap – duong le loi");
        assertThat(TextFolding.fold(nfd)).isEqualTo(TextFolding.fold(nfc));
        assertThat(TextFolding.fold("  nhiều   khoảng  trắng ")).isEqualTo("nhieu khoang trang");
        assertThat(TextFolding.fold(null)).isEmpty();
    }
}
