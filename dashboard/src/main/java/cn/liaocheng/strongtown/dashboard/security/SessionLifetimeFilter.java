package cn.liaocheng.strongtown.dashboard.security;

import java.io.IOException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends sessions that have been idle too long or have lived too long. The servlet container's own timeout cannot
 * do the first: an open tab's Vaadin heartbeat (every 5 minutes) keeps the HTTP session alive for ever, and
 * Vaadin's close-idle-sessions only closes its own UI state, leaving the signed-in HTTP session behind (the page
 * then reloads itself still signed in). So activity is recorded here for every request except heartbeats, and an
 * idle or too old session is invalidated before Spring Security reads it: the request goes on anonymous and is
 * sent to the login page (a Vaadin request is answered "session expired", and the page reloads to the login).
 */
public class SessionLifetimeFilter extends OncePerRequestFilter {

    static final String LAST_ACTIVITY = SessionLifetimeFilter.class.getName() + ".lastActivity";
    private static final Logger LOG = LoggerFactory.getLogger(SessionLifetimeFilter.class);

    private final SecuritySettings settings;
    private final Clock clock;

    public SessionLifetimeFilter(SecuritySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            long now = clock.millis();
            try {
                Object last = session.getAttribute(LAST_ACTIVITY);
                boolean idle = last instanceof Long at && now - at > settings.sessionIdleTimeout().toMillis();
                boolean expired = now - session.getCreationTime() > settings.sessionMaximumLifetime().toMillis();
                if (idle || expired) {
                    LOG.info("session ended ({}) address={}", idle ? "idle " + settings.sessionIdleTimeout()
                            : "lifetime " + settings.sessionMaximumLifetime(), request.getRemoteAddr());
                    session.invalidate();
                } else if (!isHeartbeat(request)) {
                    session.setAttribute(LAST_ACTIVITY, now);
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // invalidated by a concurrent request: nothing to end
            }
        }
        chain.doFilter(request, response);
    }

    /** Vaadin's heartbeat ({@code ?v-r=heartbeat}): the tab is open, which is not activity. */
    static boolean isHeartbeat(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        for (String parameter : query.split("&")) {
            if (parameter.equals("v-r=heartbeat")) {
                return true;
            }
        }
        return false;
    }
}
