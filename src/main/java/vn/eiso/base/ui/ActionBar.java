package vn.eiso.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import vn.eiso.base.Verdict;

/**
 * The actions of a record page, near the top: the main ones first (the next step primary), then the ordinary
 * ones, and the destructive ones apart at the far end, each asking for confirmation before it acts. An action the
 * caller may not take now is either absent or disabled with its reason as a tooltip (see {@link Verdict}).
 */
public class ActionBar extends Div {

    public static final String CLASS = "record-actions";
    private final Div main = new Div();
    private final Div end = new Div();

    public ActionBar() {
        addClassName(CLASS);
        main.addClassName("record-actions-main");
        end.addClassName("record-actions-end");
        add(main, end);
    }

    /** The next step of the record; at most one per page. */
    public Button primary(String text, VaadinIcon icon, Verdict verdict, Runnable onClick) {
        Button b = offer(text, icon, verdict, onClick);
        if (b != null) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return b;
    }

    public Button secondary(String text, VaadinIcon icon, Verdict verdict, Runnable onClick) {
        return offer(text, icon, verdict, onClick);
    }

    public Button secondary(String text, VaadinIcon icon, Runnable onClick) {
        return offer(text, icon, Verdict.ALLOWED, onClick);
    }

    /** Red, away from the main action; {@code onClick} must ask for confirmation (a dialog) before it acts. */
    public Button destructive(String text, VaadinIcon icon, Verdict verdict, Runnable onClick) {
        if (!verdict.offered()) {
            return null;
        }
        Button b = button(text, icon, verdict, onClick);
        b.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        end.add(b);
        return b;
    }

    /** Something else that belongs with the actions (a download link, a select). */
    public void addExtra(Component component) {
        main.add(component);
    }

    public boolean isEmpty() {
        return main.getComponentCount() == 0 && end.getComponentCount() == 0;
    }

    private Button offer(String text, VaadinIcon icon, Verdict verdict, Runnable onClick) {
        if (!verdict.offered()) {
            return null;
        }
        Button b = button(text, icon, verdict, onClick);
        main.add(b);
        return b;
    }

    private Button button(String text, VaadinIcon icon, Verdict verdict, Runnable onClick) {
        Button b = new Button(text, icon == null ? null : icon.create(), e -> onClick.run());
        if (!verdict.allowed()) {
            String reason = getTranslation(verdict.refusal());
            b.setEnabled(false);
            b.setTooltipText(reason);
            b.getElement().setAttribute("title", reason);
        }
        return b;
    }
}
