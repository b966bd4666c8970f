package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import vn.eiso.Application;

/** A production start on an empty database: no default password, ever. */
@Tag("own-jvm")
class AdministratorBootstrapTest {

    private static String[] args(String password) {
        String db = "bootstrap-" + UUID.randomUUID();
        return new String[] {
            "--spring.datasource.url=jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
            "--spring.jooq.sql-dialect=H2", "--spring.datasource.username=sa", "--spring.datasource.password=",
            "--server.port=0", "--eiso.demo-data=false", "--eiso.bootstrap.admin-password=" + password,
        };
    }

    @Test
    void without_an_administrator_password_the_first_start_fails_with_a_clear_message() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).run(args("")).close())
                .hasStackTraceContaining("EISO_ADMIN_PASSWORD");
    }

    @Test
    void with_a_password_the_first_start_creates_the_administrator() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run(args("Lần đầu khởi động eISO"))) {
            var manager = context.getBean(AuthenticationConfiguration.class).getAuthenticationManager();
            var auth = manager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("admin", "Lần đầu khởi động eISO"));
            assertThat(auth.getAuthorities()).extracting(a -> a.getAuthority()).contains("ROLE_ADMINISTRATOR")
                    .doesNotContain("ROLE_STAFF", "ROLE_OVERSIGHT");
        }
    }
}
