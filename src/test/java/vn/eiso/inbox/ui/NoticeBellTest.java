package vn.eiso.inbox.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.inbox.Inbox;
import vn.eiso.support.Accounts;
import vn.eiso.support.UiTest;

/** The bell counts a user's unread notices, lists them in their language, and marks them read. Rolled back. */
@Transactional
class NoticeBellTest extends UiTest {

    @Autowired
    Inbox inbox;

    @Test
    @WithUserDetails("sokhcn")
    void the_science_department_sees_an_announcement_notice_and_marks_it_read() {
        var me = Accounts.signIn(userDetails, "sokhcn").userId();
        inbox.markAllRead();
        inbox.post(Set.of(me), "notice.announced", List.of("Sở Tư pháp", "15/QĐ-STP", "26/11/2026"), "cong-bo");
        CurrentUnit.set(unit("SKHCN"));
        navigate("announcement", com.vaadin.flow.component.Component.class);
        NoticeBell.Bell bell = find(NoticeBell.Bell.class).single();
        assertThat(bell.count.isVisible()).isTrue();
        assertThat(bell.count.getText()).isEqualTo("1");

        test(bell.button).click();
        NoticeBell.NoticesDialog dialog = find(NoticeBell.NoticesDialog.class).single();
        assertThat(find(Anchor.class, dialog.list).all()).extracting(Anchor::getText).startsWith(
                "Sở Tư pháp đã công bố HTQLCL phù hợp TCVN ISO 9001:2015 (quyết định 15/QĐ-STP ngày 26/11/2026)");
        test(dialog.allRead).click();
        assertThat(inbox.unreadCount()).isZero();
        assertThat(bell.count.isVisible()).isFalse();
        assertThat(dialog.allRead.isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void notices_are_personal() {
        var sokhcn = Accounts.signIn(userDetails, "sokhcn").userId();
        inbox.post(Set.of(sokhcn), "notice.announced", List.of("Sở Tư pháp", "15/QĐ-STP", "26/11/2026"), "cong-bo");
        Accounts.signIn(userDetails, "congchuc.stp");
        assertThat(inbox.unreadCount()).isZero();
        assertThat(inbox.mine(false, 10)).noneMatch(n -> n.params().contains("15/QĐ-STP"));
    }
}
