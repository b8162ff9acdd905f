package cn.liaocheng.strongtown.dashboard;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;

/** Signs a user of a role in for the current thread, as Spring Security does after a login. */
public final class TestUsers {

    /** The county the test county user is bound to: 东昌府区. */
    public static final String OWN_COUNTY = "371502";
    /** Another county: 莘县. */
    public static final String OTHER_COUNTY = "371522";

    private TestUsers() {
    }

    public static StrongTownUser user(Role role) {
        return new StrongTownUser("test-" + role.name().toLowerCase(), "{noop}unused", "测试" + role.name(), role,
                role.countyBound() ? OWN_COUNTY : null, true, true);
    }

    public static StrongTownUser signIn(Role role) {
        StrongTownUser user = user(role);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
