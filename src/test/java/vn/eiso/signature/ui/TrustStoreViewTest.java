package vn.eiso.signature.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.ui.ForbiddenPage;
import vn.eiso.signature.TestPki;
import vn.eiso.signature.TrustedCertificate;
import vn.eiso.support.UiTest;

class TrustStoreViewTest extends UiTest {

    @Test
    @WithUserDetails("admin")
    void the_administrator_uploads_a_ca_bundle_is_told_what_is_wrong_with_a_bad_one_and_removes_one_after_confirming() {
        TestPki.Chain chain = TestPki.newChain();
        TrustStoreView view = navigate(TrustStoreView.class);
        int before = items(view);
        assertThat(view.grid.getGenericDataView().getItems()).anyMatch(c -> c.subject().contains("CA dùng thử eISO"));

        view.add("khoa-bi-mat.pem", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII));
        view.add("anh.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(notifications()).anyMatch(n -> n.contains("khoa-bi-mat.pem chứa khóa bí mật"))
                .anyMatch(n -> n.contains("anh.png không phải chứng thư X.509"));
        assertThat(items(view)).isEqualTo(before);

        view.add("ca-kiem-thu.pem", chain.bundle());
        assertThat(notifications()).anyMatch(n -> n.startsWith("Đã thêm 2 chứng thư"));
        assertThat(items(view)).isEqualTo(before + 2);

        var items = view.grid.getGenericDataView().getItems().toList();
        TrustedCertificate intermediate = items.stream().filter(c -> c.subject().contains("CA trung gian kiểm thử")
                && c.issuer().equals(chain.root().certificate().getSubjectX500Principal().getName())).findFirst()
                .orElseThrow();
        test((Button) test(view.grid).getCellComponent(items.indexOf(intermediate), 6)).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        test(confirm).confirm();
        assertThat(notifications()).anyMatch(n -> n.startsWith("Đã gỡ bỏ chứng thư"));
        assertThat(items(view)).isEqualTo(before + 1);
        var root = view.grid.getGenericDataView().getItems().toList().stream()
                .filter(c -> c.subject().equals(chain.root().certificate().getSubjectX500Principal().getName()))
                .findFirst().orElseThrow();
        test((Button) test(view.grid).getCellComponent(
                view.grid.getGenericDataView().getItems().toList().indexOf(root), 6)).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertThat(items(view)).isEqualTo(before);
    }

    @Test
    @WithUserDetails("thuky.stp")
    void only_an_administrator_opens_the_trust_store() {
        navigate("admin/trust", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(ForbiddenPage.class);
    }

    private static int items(TrustStoreView view) {
        return (int) view.grid.getGenericDataView().getItems().count();
    }
}
