package vn.eiso.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.support.UiTest;

/** Unknown and forbidden addresses answer alike, in the reader's language, with the way home. */
class ErrorPagesTest extends UiTest {

    @Test
    @WithUserDetails("congchuc.stp")
    void an_unknown_address_shows_a_page_in_vietnamese_not_the_framework_s_text() {
        navigate("khong-co-trang-nay", NotFoundPage.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Không tìm thấy trang");
        assertThat(find(Anchor.class).id("error-home").getHref()).isEmpty();
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void a_screen_staff_may_not_open_looks_the_same_as_an_unknown_one() {
        navigate("admin/audit-trail", ForbiddenPage.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Không tìm thấy trang");
    }
}
