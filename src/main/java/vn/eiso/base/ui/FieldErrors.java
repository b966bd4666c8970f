package vn.eiso.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.DomainException;

/**
 * Refusals shown where they can be fixed: a refusal about one field marks that field invalid with the reason under
 * it; any other refusal shows in the form's own error line (not a toast floating over the form). Nothing the server
 * refuses is silent.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Div formError = new Div();

    public FieldErrors() {
        formError.addClassName("form-error");
        formError.setId("form-error");
        formError.setVisible(false);
    }

    /** Refusals with this message key belong to this field. */
    public FieldErrors on(String messageKey, HasValidation field) {
        fields.put(messageKey, field);
        return this;
    }

    /** The line for refusals that belong to no single field; put it in the form (above the buttons). */
    public Div formLine() {
        return formError;
    }

    /** Before another try: every field valid again, the line empty. */
    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        formError.setText("");
        formError.setVisible(false);
    }

    /** A field left empty is marked with the message; returns whether it had a value. */
    public boolean require(HasValue<?, ?> field, String messageKey) {
        if (!field.isEmpty() && !(field.getValue() instanceof String s && s.isBlank())) {
            return true;
        }
        mark((HasValidation) field, UI.getCurrent().getTranslation(messageKey));
        return false;
    }

    /** Shows the refusal on its field, or in the form's line. */
    public void show(DomainException e) {
        String text = Notifications.text(e);
        HasValidation field = fields.get(e.messageKey());
        if (field != null) {
            mark(field, text);
        } else {
            showLine(text);
        }
    }

    public void show(AccessDeniedException e) {
        showLine(UI.getCurrent().getTranslation("error.accessDenied"));
    }

    public void showLine(String text) {
        formError.setText(text);
        formError.setVisible(true);
    }

    /** The text of the form's line, empty when none. */
    public String lineText() {
        return formError.isVisible() ? formError.getText() : "";
    }

    /** Thrown inside a dialog's action when fields were already marked: nothing is sent, nothing else shown. */
    public static final class Marked extends RuntimeException {
        public Marked() {
            super(null, null, false, false);
        }
    }

    private static void mark(HasValidation field, String text) {
        field.setErrorMessage(text);
        field.setInvalid(true);
    }
}
