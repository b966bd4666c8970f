package vn.eiso.organisation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.SigningPins;
import vn.eiso.organisation.UserService;
import vn.eiso.support.UiTest;

class SigningPinMenuTest extends UiTest {

    private static final String PASSWORD = "mot cau mat khau du dai";

    @Autowired
    SigningPinMenu menu;
    @Autowired
    SigningPins pins;
    @Autowired
    UserService users;

    @Test
    @WithUserDetails("admin")
    void a_user_sets_a_signing_pin_with_the_password_and_is_told_what_is_wrong_first() {
        navigate("", Component.class);
        // A user of its own: a PIN on a demo account would change how every other test signs.
        String username = "pin" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(username, "Người Đặt PIN", null, PASSWORD));
        // Signed in as that user for the dialog's calls only: the next test finds the administrator again.
        as(username, () -> {
            SigningPinMenu.PinDialog dialog = menu.dialog();
            dialog.open();
            roundTrip();
            assertThat(dialog.password.isVisible()).as("signed in with a password").isTrue();

            test(dialog.password).setValue(PASSWORD);
            test(dialog.pin).setValue("205817");
            test(dialog.repeat).setValue("205818");
            test(dialog.save).click();
            assertThat(dialog.repeat.isInvalid()).isTrue();

            test(dialog.pin).setValue("123456");
            test(dialog.repeat).setValue("123456");
            test(dialog.save).click();
            assertThat(notifications()).anyMatch(n -> n.contains("quá dễ đoán"));
            assertThat(pins.hasOwnPin()).isFalse();

            test(dialog.password).setValue(PASSWORD);
            test(dialog.pin).setValue("205817");
            test(dialog.repeat).setValue("205817");
            test(dialog.save).click();
            assertThat(notifications()).contains("Đã đặt mã PIN ký");
            assertThat(pins.hasOwnPin()).isTrue();
            return null;
        });
    }
}
