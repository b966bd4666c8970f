package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.eiso.base.DomainException;
import vn.eiso.support.Accounts;

class PasswordPolicyTest {

    private static String rule(String password, String username) {
        try {
            PasswordPolicy.check(password, username);
            return "ok";
        } catch (DomainException e) {
            return e.getMessage();
        }
    }

    @Test
    void at_least_twelve_characters_and_a_sentence_with_spaces_is_fine() {
        assertThat(rule("Xuân-2026!", "thuky.xa")).contains("error.user.passwordTooShort");
        assertThat(rule(null, "thuky.xa")).contains("error.user.passwordTooShort");
        assertThat(rule("mưa rơi trên mái", "thuky.xa")).isEqualTo("ok");
        // Twelve letters, even where a letter with its diacritics takes several bytes.
        assertThat(rule("đường ống nướ", "thuky.xa")).isEqualTo("ok");
    }

    @Test
    void at_most_seventy_two_bytes_since_bcrypt_would_cut_the_rest() {
        assertThat(rule("a cat on a mat ".repeat(4) + "abcdefghijkl", "thuky.xa")).isEqualTo("ok");
        assertThat(rule("a".repeat(73), "thuky.xa")).contains("error.user.passwordTooLong");
        // 30 letters, but 'ữ' takes three bytes: 90 bytes.
        assertThat(rule("ữ".repeat(30), "thuky.xa")).contains("error.user.passwordTooLong");
    }

    @Test
    void not_containing_the_user_name() {
        assertThat(rule("thuky.stp rất chăm chỉ", "thuky.stp")).contains("error.password.containsUsername");
        assertThat(rule("Thuky STP rất chăm chỉ", "thuky.stp")).contains("error.password.containsUsername");
        assertThat(rule("một câu rất chăm chỉ", "thuky.stp")).isEqualTo("ok");
    }

    @Test
    void not_a_common_password_even_with_numbers_around_it_or_separators_in_it() {
        assertThat(rule("123456789012", "thuky.xa")).contains("error.password.common");
        assertThat(rule("matkhau123456", "thuky.xa")).contains("error.password.common");
        assertThat(rule("Mat-Khau@2026", "thuky.xa")).contains("error.password.common");
        assertThat(rule("anh yeu em 123", "thuky.xa")).contains("error.password.common");
        assertThat(rule("eiso20262026", "thuky.xa")).contains("error.password.common");
        assertThat(rule("passwordpassword", "thuky.xa")).contains("error.password.common");
        assertThat(rule("1q2w3e4r5t6y", "thuky.xa")).contains("error.password.common");
    }

    @Test
    void the_demo_password_passes_for_every_demo_account() {
        for (String user : new String[] {"admin", "sokhcn", "lanhdao.stp", "thuky.stp", "congchuc.stp", "danhgia",
                "chuyengia.skhcn", "lanhdao.xa", "thuky.xa"}) {
            assertThat(rule(Accounts.DEMO_PASSWORD, user)).as(user).isEqualTo("ok");
        }
    }
}
