package cn.liaocheng.strongtown.dashboard.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.security.SecuritySettings;

/** What a failed login writes to the audit (and so the text) log: one line, with the client's address. */
class LoginAttemptsTest {

    private final List<Object> published = new ArrayList<>();
    private final LoginAttempts attempts = new LoginAttempts(new LoginThrottle(new SecuritySettings(5,
            Duration.ofMinutes(15), null, null, null, null, null, null, null, null)), published::add);

    @Test
    void aLineBreakInATypedNameCannotForgeALogLine() {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                "eve\n2026-03-01T08:00:00.000Z  INFO 1 --- [main] audit : LOGIN_SUCCESS admin\r", "x");
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.9");
        attempt.setDetails(new WebAuthenticationDetails(request));
        attempts.onFailure(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("bad")));
        AuditEntry entry = (AuditEntry) published.get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.LOGIN_FAILURE);
        assertThat(entry.username()).doesNotContain("\n").doesNotContain("\r").startsWith("eve\\u000a2026");
        assertThat(entry.remoteAddress()).isEqualTo("203.0.113.9");
    }
}
