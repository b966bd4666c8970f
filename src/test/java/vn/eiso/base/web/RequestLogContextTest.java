package vn.eiso.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.eiso.base.UserId;
import vn.eiso.base.security.EisoPrincipal;

/** Log lines written during a request name it, its user and its unit by id, and nothing of them is left after. */
class RequestLogContextTest {

    private final RequestLogContext filter = new RequestLogContext();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Map<String, String> during(MockHttpServletRequest request) throws Exception {
        Map<String, String> seen = new HashMap<>();
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest r, jakarta.servlet.ServletResponse s) {
                seen.putAll(MDC.getCopyOfContextMap());
            }
        });
        return seen;
    }

    @Test
    void a_screen_request_carries_the_proxy_request_id_the_user_id_and_the_session_unit() throws Exception {
        EisoPrincipal principal = new EisoPrincipal(new UserId(42), "thuky.stp", "Nguyễn Văn A", "x", true, false,
                "vi", List.of(), 0);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.addHeader("X-Request-Id", "proxy-7f3a");
        request.getSession().setAttribute(RequestLogContext.SESSION_UNIT, 9L);

        Map<String, String> mdc = during(request);

        assertThat(mdc).containsEntry("requestId", "proxy-7f3a").containsEntry("user", "42")
                .containsEntry("unit", "9");
        assertThat(mdc.values()).noneMatch(v -> v.contains("thuky") || v.contains("Nguyễn"));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void an_api_call_takes_its_unit_from_the_address_and_a_hostile_request_id_is_replaced() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/units/STP/documents/import");
        request.addHeader("X-Request-Id", "x\n2026-12-02 ERROR forged line");

        Map<String, String> mdc = during(request);

        assertThat(mdc.get("unit")).isEqualTo("STP");
        assertThat(mdc.get("requestId")).doesNotContain("\n").doesNotContain("forged").isNotBlank();
        assertThat(mdc).doesNotContainKey("user");
    }
}
