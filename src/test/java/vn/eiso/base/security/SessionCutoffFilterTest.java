package vn.eiso.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A browser that names a session this node does not hold (it timed out, or its node stopped and the balancer sent
 * the browser here) gets a new session that tells the login page why (ADR 0023).
 */
class SessionCutoffFilterTest {

    private final SessionCutoffFilter filter = new SessionCutoffFilter(mock(SessionGenerations.class), "login");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_session_named_but_not_held_here_leaves_the_lost_mark_in_a_new_session() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setParameter("v-r", "uidl");
        request.setRequestedSessionId("held-by-a-node-that-stopped");
        request.setRequestedSessionIdValid(false);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(request.getSession(false)).isNotNull();
        assertThat(request.getSession(false).getAttribute(SessionCutoffFilter.LOST)).isEqualTo(Boolean.TRUE);
        assertThat(chain.getRequest()).as("the request goes on, to be answered as any without a session").isNotNull();
    }

    @Test
    void a_first_visit_and_a_live_session_leave_no_mark() throws Exception {
        MockHttpServletRequest first = new MockHttpServletRequest("GET", "/");
        filter.doFilter(first, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(first.getSession(false)).isNull();

        MockHttpServletRequest live = new MockHttpServletRequest("GET", "/");
        live.setRequestedSessionId("live");
        live.setRequestedSessionIdValid(true);
        filter.doFilter(live, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(live.getSession(false)).isNull();
    }
}
