package cn.liaocheng.strongtown.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * Idle and absolute session limits with short configured times: Vaadin's heartbeat does not keep an idle session
 * alive, user activity does, and no session outlives its lifetime.
 */
class SessionLifetimeFilterTest {

    private final MovableClock clock = new MovableClock();
    /** Idle 2 minutes, lifetime 10 minutes. */
    private final SessionLifetimeFilter filter = new SessionLifetimeFilter(new SecuritySettings(null, null, null, null,
            null, null, null, Duration.ofMinutes(2), Duration.ofMinutes(10), null), clock);

    /** A session as the container holds it: created now by the test clock. */
    private final MockHttpSession session = new MockHttpSession() {
        private final long created = clock.millis();

        @Override
        public long getCreationTime() {
            return created;
        }
    };

    private void request(String query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setQueryString(query);
        request.setSession(session);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }

    @Test
    void heartbeatsDoNotKeepAnIdleSessionAlive() throws Exception {
        request("v-r=uidl&v-uiId=0");
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(30));
            request("v-r=heartbeat&v-uiId=0");
            assertThat(session.isInvalid()).as("heartbeat " + i).isFalse();
        }
        clock.advance(Duration.ofSeconds(40));
        request("v-r=heartbeat&v-uiId=0");
        assertThat(session.isInvalid()).as("idle 130 s > 120 s despite heartbeats").isTrue();
    }

    @Test
    void userActivityKeepsTheSessionUntilItsLifetimeEnds() throws Exception {
        for (int minute = 1; minute < 10; minute++) {
            clock.advance(Duration.ofMinutes(1));
            request("v-r=uidl&v-uiId=0");
            assertThat(session.isInvalid()).as("minute " + minute).isFalse();
        }
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        request("v-r=uidl&v-uiId=0");
        assertThat(session.isInvalid()).as("past the 10-minute lifetime though active").isTrue();
    }

    @Test
    void recognisesOnlyVaadinsHeartbeatAsNotActivity() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setQueryString("v-r=heartbeat&v-uiId=3");
        assertThat(SessionLifetimeFilter.isHeartbeat(request)).isTrue();
        request.setQueryString("v-r=uidl&v-uiId=3&x=v-r=heartbeat");
        assertThat(SessionLifetimeFilter.isHeartbeat(request)).isFalse();
        request.setQueryString(null);
        assertThat(SessionLifetimeFilter.isHeartbeat(request)).isFalse();
    }
}
