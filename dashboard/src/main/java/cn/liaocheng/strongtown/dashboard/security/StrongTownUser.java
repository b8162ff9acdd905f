package cn.liaocheng.strongtown.dashboard.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in user: Spring Security's user with the one role and, for county staff, the county.
 */
public class StrongTownUser extends User {

    private final String displayName;
    private final Role role;
    private final String countyCode;

    public StrongTownUser(String username, String passwordHash, String displayName, Role role, String countyCode,
                          boolean enabled, boolean accountNonLocked) {
        super(username, passwordHash, enabled, true, true, accountNonLocked,
                List.of(new SimpleGrantedAuthority(role.authority())));
        this.displayName = displayName;
        this.role = role;
        this.countyCode = countyCode;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The county a county user is bound to; null for city-wide roles. */
    public String countyCode() {
        return countyCode;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
