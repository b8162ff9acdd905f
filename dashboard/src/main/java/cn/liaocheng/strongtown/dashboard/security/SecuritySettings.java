package cn.liaocheng.strongtown.dashboard.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code strongtown.security.*}.
 *
 * @param maxFailedLogins failed logins in a row after which an account is locked (default 5)
 * @param lockout how long a locked account stays locked (default 15 minutes; an admin can unlock it)
 * @param demoUsers create one demo user per role on first start (default true; switch off for real use)
 * @param resetAdminPassword at start, set the {@code admin} password to {@code STRONGTOWN_ADMIN_PASSWORD}
 *                           and unlock the account (recovery of a lost admin password)
 */
@ConfigurationProperties("strongtown.security")
public record SecuritySettings(Integer maxFailedLogins, Duration lockout, Boolean demoUsers,
                               Boolean resetAdminPassword) {

    public int failedLoginLimit() {
        return maxFailedLogins != null ? maxFailedLogins : 5;
    }

    public Duration lockoutDuration() {
        return lockout != null ? lockout : Duration.ofMinutes(15);
    }

    public boolean createDemoUsers() {
        return demoUsers == null || demoUsers;
    }

    public boolean resetAdmin() {
        return resetAdminPassword != null && resetAdminPassword;
    }
}
