package cn.liaocheng.strongtown.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.user.UserChange;
import cn.liaocheng.strongtown.dashboard.user.UserService;

/**
 * A change to a user ends that user's open sessions at once (their next request is sent to the login page):
 * disabling, a role change, an administrator's password reset; one's own password change ends one's other
 * sessions but not the one it was made in. Real sessions over HTTP, the change through the service.
 */
class SessionEndsOnUserChangeTest extends DashboardTestContext {

    private static final String PASSWORD = "Sessions-End-4-Good";

    @Autowired
    UserService users;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
        RequestContextHolder.resetRequestAttributes();
    }

    private HttpBrowser signedIn(String username) throws Exception {
        HttpBrowser browser = new HttpBrowser(baseUrl()).signedIn(username, PASSWORD);
        assertThat(browser.opensOverview()).as("signed in").isTrue();
        return browser;
    }

    private void create(String username, Role role) {
        TestUsers.signIn(Role.ADMIN);
        users.create(username, new UserChange("会话测试", role, null, true), PASSWORD);
        TestUsers.signOut();
    }

    @Test
    void disablingAUserEndsTheirOpenSessions() throws Exception {
        create("session-disabled", Role.ANALYST);
        HttpBrowser first = signedIn("session-disabled");
        HttpBrowser second = signedIn("session-disabled");
        TestUsers.signIn(Role.ADMIN);
        users.update("session-disabled", new UserChange("会话测试", Role.ANALYST, null, false));
        assertThat(first.opensOverview()).isFalse();
        assertThat(second.opensOverview()).isFalse();
    }

    @Test
    void aRoleChangeEndsTheSessionsSoTheOldRoleIsNotKept() throws Exception {
        create("session-demoted", Role.ADMIN);
        HttpBrowser browser = signedIn("session-demoted");
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);
        TestUsers.signIn(Role.ADMIN);
        users.update("session-demoted", new UserChange("会话测试", Role.REVIEWER, null, true));
        assertThat(browser.opensOverview()).isFalse();
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(302);
    }

    @Test
    void anAdministratorsPasswordResetEndsTheSessions() throws Exception {
        create("session-reset", Role.LEADER);
        HttpBrowser browser = signedIn("session-reset");
        HttpBrowser second = signedIn("session-reset");
        TestUsers.signIn(Role.ADMIN);
        users.resetPassword("session-reset", "Another-Good-Secret-9");
        assertThat(browser.opensOverview()).isFalse();
        assertThat(second.opensOverview()).isFalse();
    }

    @Test
    void onesOwnPasswordChangeEndsTheOtherSessionsButNotThisOne() throws Exception {
        create("session-own", Role.OFFICE);
        HttpBrowser here = signedIn("session-own");
        HttpBrowser elsewhere = signedIn("session-own");
        HttpBrowser otherUser = new HttpBrowser(baseUrl()).signedIn("analyst", "analyst-demo-2025");

        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, here.sessionId()));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        StrongTownUser self = new StrongTownUser("session-own", "unused", "会话测试", Role.OFFICE, null, true, true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(self, null, self.getAuthorities()));
        users.changeOwnPassword(PASSWORD, "A-New-Good-Secret-77");

        assertThat(here.opensOverview()).as("the session the change was made in").isTrue();
        assertThat(elsewhere.opensOverview()).as("another session of the same user").isFalse();
        assertThat(otherUser.opensOverview()).as("another user's session").isTrue();
    }
}
