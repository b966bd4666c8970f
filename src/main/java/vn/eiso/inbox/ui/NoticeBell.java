package vn.eiso.inbox.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.ShellContribution;
import vn.eiso.inbox.Inbox;
import vn.eiso.inbox.Notice;

/** A bell in the top bar with the number of unread notices; it opens the latest ones, newest first. */
@org.springframework.stereotype.Component
class NoticeBell implements ShellContribution {

    static final int SHOWN = 20;

    private final Inbox inbox;
    private final Clock clock;

    NoticeBell(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public Optional<Component> navbar() {
        return Optional.of(new Bell());
    }

    /**
     * Counts on every navigation, so a notice posted meanwhile shows without a reload. The shell is built within a
     * navigation, so the first count comes from it too, not from the constructor as well.
     */
    final class Bell extends Div implements AfterNavigationObserver {

        final Button button = new Button(VaadinIcon.BELL.create());
        final Span count = new Span();

        Bell() {
            addClassName("notice-bell");
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            button.setId("notice-bell");
            button.addClickListener(e -> new NoticesDialog(this).open());
            count.addClassName("notice-count");
            add(button, count);
        }

        @Override
        public void afterNavigation(AfterNavigationEvent event) {
            refresh();
        }

        void refresh() {
            int unread = inbox.unreadCount();
            count.setText(unread > 99 ? "99+" : String.valueOf(unread));
            count.setVisible(unread > 0);
            String label = getTranslation("notices.bell", unread);
            button.setAriaLabel(label);
            button.setTooltipText(label);
        }
    }

    final class NoticesDialog extends Dialog {

        final Div list = new Div();
        final Button allRead = new Button();

        NoticesDialog(Bell bell) {
            setHeaderTitle(getTranslation("notices.title"));
            setWidth("min(40rem, 100vw)");
            list.addClassName("notice-list");
            List<Notice> notices = inbox.mine(false, SHOWN);
            if (notices.isEmpty()) {
                list.add(new Paragraph(getTranslation("notices.none")));
            }
            notices.forEach(n -> list.add(item(n)));
            add(list);
            allRead.setText(getTranslation("notices.allRead"));
            allRead.setEnabled(notices.stream().anyMatch(n -> !n.read()));
            allRead.addClickListener(e -> {
                inbox.markAllRead();
                list.getChildren().forEach(c -> c.removeClassName("unread"));
                allRead.setEnabled(false);
                bell.refresh();
            });
            addDialogCloseActionListener(e -> close());
            addOpenedChangeListener(e -> {
                if (!e.isOpened()) {
                    bell.refresh();
                }
            });
            // The worklist feature builds on the inbox, so the link goes by route, not by class.
            Anchor work = new Anchor("my-work", getTranslation("notices.worklist"));
            work.getElement().addEventListener("click", e -> close());
            work.addClassName("notice-worklist");
            getFooter().add(work, allRead, new Button(getTranslation("common.close"), e -> close()));
        }

        private Div item(Notice n) {
            Anchor text = new Anchor(n.link() == null ? "" : n.link(),
                    getTranslation(n.messageKey(), n.params().toArray()));
            text.getElement().addEventListener("click", e -> {
                inbox.markRead(n.id());
                close();
            });
            Span when = new Span(Formats.dateTime(n.createdAt(), clock.getZone()));
            when.addClassName("notice-time");
            Div item = new Div(text, when);
            item.addClassName("notice-item");
            if (!n.read()) {
                item.addClassName("unread");
            }
            return item;
        }
    }
}
