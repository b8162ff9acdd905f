package cn.liaocheng.strongtown.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;

import com.vaadin.flow.server.VaadinService;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;

/**
 * Idle timeout: sessions end after 30 idle minutes, and Vaadin's heartbeat does not keep an idle
 * UI's session alive (close-idle-sessions), so the timeout really applies to an open browser tab.
 */
class SessionSettingsTest extends KaribuTestBase {

    @Autowired
    ServerProperties server;

    @Test
    void idleSessionsEndAfterThirtyMinutes() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(VaadinService.getCurrent().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
    }
}
