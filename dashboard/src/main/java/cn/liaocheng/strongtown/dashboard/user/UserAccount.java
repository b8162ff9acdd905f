package cn.liaocheng.strongtown.dashboard.user;

import java.time.Instant;

import cn.liaocheng.strongtown.dashboard.security.Role;

/**
 * A user as administrators see it (never the password hash).
 *
 * @param countyCode the county of a county user; null for every other role
 * @param lockedUntil end of a lockout after repeated failed logins; null if not locked
 */
public record UserAccount(String username, String displayName, Role role, String countyCode, boolean enabled,
                          int failedLogins, Instant lockedUntil, Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
