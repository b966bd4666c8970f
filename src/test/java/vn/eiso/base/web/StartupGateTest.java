package vn.eiso.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** No sign-in and no API call is let through until the application reports itself ready. */
class StartupGateTest {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final StartupGate gate = new StartupGate(availability,
            new StaticListableBeanFactory().getBeanProvider(HealthEndpoint.class));

    private MockHttpServletResponse send(String method, String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Boolean> passed = new AtomicReference<>(false);
        gate.doFilter(new MockHttpServletRequest(method, path), response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse r) {
                passed.set(true);
            }
        });
        if (passed.get()) {
            response.setStatus(200);
        }
        return response;
    }

    private void becomeReady(ReadinessState state) {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(new StaticApplicationContext(), state));
    }

    @Test
    void before_readiness_sign_ins_and_api_calls_get_503_with_a_message_and_pages_still_load() throws Exception {
        MockHttpServletResponse signIn = send("POST", "/login");
        assertThat(signIn.getStatus()).isEqualTo(503);
        assertThat(signIn.getHeader("Retry-After")).isEqualTo("5");
        assertThat(signIn.getContentAsString()).contains("đang khởi động").contains("is starting");

        MockHttpServletResponse api = send("GET", "/api/v1/search");
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentAsString()).contains("\"error\":\"error.starting\"");

        assertThat(send("GET", "/login").getStatus()).isEqualTo(200);
    }

    @Test
    void once_ready_everything_passes_and_stays_open() throws Exception {
        becomeReady(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(send("POST", "/login").getStatus()).isEqualTo(200);

        // Readiness may drop later (a refused probe under load); the gate guards the start only.
        becomeReady(ReadinessState.REFUSING_TRAFFIC);
        assertThat(send("GET", "/api/v1/search").getStatus()).isEqualTo(200);
    }
}
