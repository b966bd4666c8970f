package vn.eiso.organisation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.TextFolding;
import vn.eiso.base.ui.Notifications;
import vn.eiso.organisation.ApiTokens;
import vn.eiso.organisation.Membership;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UserAccount;
import vn.eiso.organisation.UserService;

/** Creates a user, or edits one with its password reset and memberships (unit × role). */
class UserDialog extends Dialog {

    private final UserService users;
    private final Runnable onChanged;
    private UserAccount account;
    final TextField username = new TextField();
    final TextField fullName = new TextField();
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final Checkbox enabled = new Checkbox();
    final Button save = new Button();
    final Grid<Membership> memberships = new Grid<>();
    final ComboBox<Unit> unit = new ComboBox<>();
    final Select<Role> role = new Select<>();
    final Button grant = new Button();
    UserTokensSection tokenSection;

    UserDialog(UserService users, UnitService units, ApiTokens tokens, Clock clock, UserAccount existing,
            Runnable onChanged) {
        this.users = users;
        this.onChanged = onChanged;
        this.account = existing;
        setHeaderTitle(existing == null ? getTranslation("users.add") : existing.fullName());
        setWidth("min(56rem, 100vw)");

        username.setLabel(getTranslation("user.username"));
        username.setRequiredIndicatorVisible(true);
        username.setMaxLength(64);
        username.setHelperText(getTranslation("user.username.help"));
        fullName.setLabel(getTranslation("user.fullName"));
        fullName.setRequiredIndicatorVisible(true);
        fullName.setMaxLength(255);
        email.setLabel(getTranslation("user.email"));
        password.setLabel(getTranslation(existing == null ? "user.password" : "user.newPassword"));
        password.setRequiredIndicatorVisible(existing == null);
        password.setHelperText(getTranslation("user.password.help"));
        enabled.setLabel(getTranslation("user.enabled"));
        FormLayout form = new FormLayout(username, fullName, email, password, enabled);
        add(form);

        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));

        if (existing == null) {
            enabled.setValue(true);
            enabled.setEnabled(false);
        } else {
            username.setValue(existing.username());
            username.setReadOnly(true);
            fullName.setValue(existing.fullName());
            email.setValue(existing.email() == null ? "" : existing.email());
            enabled.setValue(existing.enabled());
            add(membershipEditor(units));
            tokenSection = new UserTokensSection(tokens, clock, existing);
            add(tokenSection);
        }
        getFooter().add(save);
    }

    private void save() {
        try {
            if (account == null) {
                account = users.create(new NewUser(username.getValue(), fullName.getValue(), email.getValue(),
                        password.getValue()));
                Notifications.success(getTranslation("users.created"));
                close();
            } else {
                account = users.update(account.id(), account.version(), fullName.getValue(), email.getValue(),
                        enabled.getValue());
                if (!password.isEmpty()) {
                    users.resetPassword(account.id(), password.getValue());
                    password.clear();
                    tokenSection.refresh();
                    account = users.get(account.id());
                }
                Notifications.success(getTranslation("users.saved"));
            }
            onChanged.run();
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    private Component membershipEditor(UnitService units) {
        memberships.addColumn(m -> m.unitCode() + " · " + m.unitName()).setHeader(getTranslation("membership.unit"))
                .setFlexGrow(3);
        memberships.addColumn(m -> getTranslation("role." + m.role())).setHeader(getTranslation("membership.role"))
                .setFlexGrow(2);
        memberships.addComponentColumn(m -> {
            Button revoke = new Button(VaadinIcon.TRASH.create(), e -> confirmRevoke(m));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            revoke.setAriaLabel(getTranslation("membership.revoke"));
            revoke.setTooltipText(getTranslation("membership.revoke"));
            return revoke;
        }).setFlexGrow(0).setAutoWidth(true);
        memberships.setAllRowsVisible(true);
        refreshMemberships();

        unit.setLabel(getTranslation("membership.unit"));
        unit.setItems((u, filter) -> TextFolding.fold(u.code() + " " + u.name()).contains(TextFolding.fold(filter)),
                units.all().stream().filter(Unit::isActive).toList());
        unit.setItemLabelGenerator(u -> u.code() + " · " + u.name());
        role.setLabel(getTranslation("membership.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r));
        grant.setText(getTranslation("membership.grant"));
        grant.setIcon(VaadinIcon.PLUS.create());
        grant.addClickListener(e -> {
            if (unit.getValue() == null || role.getValue() == null) {
                Notifications.error(getTranslation("error.membership.unitAndRoleRequired"));
                return;
            }
            try {
                users.grant(account.id(), unit.getValue().id(), role.getValue());
                Notifications.success(getTranslation("membership.granted"));
                refreshMemberships();
            } catch (DomainException ex) {
                Notifications.error(ex);
            }
        });
        HorizontalLayout add = new HorizontalLayout(unit, role, grant);
        add.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add.setWrap(true);
        unit.setWidth("22rem");
        Div section = new Div(
                new H3(getTranslation("membership.title")), memberships, add);
        section.addClassName("membership-section");
        return section;
    }

    private void confirmRevoke(Membership m) {
        Dialogs.confirmDestructive(getTranslation("membership.revoke"),
                getTranslation("membership.revoke.confirm", getTranslation("role." + m.role()), m.unitName()),
                getTranslation("membership.revoke"), () -> {
                    Notifications.attempt(() -> users.revoke(m.id()), "membership.revoked");
                    refreshMemberships();
                });
    }

    private void refreshMemberships() {
        memberships.setItems(users.membershipsOf(account.id()));
    }
}
