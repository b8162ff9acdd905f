package cn.liaocheng.strongtown.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.session.ConcurrentSessionFilter;

import com.vaadin.flow.server.VaadinService;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;

/**
 * Idle timeout: sessions end after 30 idle minutes, and Vaadin's heartbeat does not keep an idle
 * UI's session alive (close-idle-sessions), so the timeout really applies to an open browser tab.
 */
class SessionSettingsTest extends KaribuTestBase {

    @Autowired
    ServerProperties server;
    @Autowired
    SecuritySettings settings;
    @Autowired
    FilterChainProxy filters;

    @Test
    void idleSessionsEndAfterThirtyMinutes() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(VaadinService.getCurrent().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
    }

    /**
     * Vaadin's close-idle-sessions closes only its own UI state and leaves the signed-in HTTP session (heartbeats
     * keep it alive), so the application's own filter ends idle and too old sessions, and the session registry's
     * filter ends the sessions of a changed user; both sit in the page chain.
     */
    @Test
    void idleAndAbsoluteLimitsAndUserChangesAreEnforcedByFiltersInThePageChain() {
        assertThat(settings.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.sessionMaximumLifetime()).isEqualTo(Duration.ofHours(12));
        List<Class<?>> pageChain = filters.getFilterChains().get(filters.getFilterChains().size() - 1).getFilters()
                .stream().<Class<?>>map(Object::getClass).toList();
        assertThat(pageChain).contains(SessionLifetimeFilter.class, ConcurrentSessionFilter.class);
        assertThat(pageChain.indexOf(SessionLifetimeFilter.class)).as("before the security context is read")
                .isLessThan(pageChain.indexOf(SecurityContextHolderFilter.class));
    }
}
