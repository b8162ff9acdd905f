package cn.liaocheng.strongtown.dashboard.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code strongtown.security.*}.
 *
 * @param maxFailedLogins failed logins from one address for one user name after which that pair is refused for a
 *                        while (default 5); unknown names count like known ones
 * @param maxFailedLoginsPerAccount failed logins for one user name from any address after which the name is refused
 *                                  from every address for a while (default 20; against guessing from many addresses)
 * @param maxFailedLoginsPerAddress failed logins from one address for any names after which that address is refused
 *                                  for a while (default 100)
 * @param firstLockout how long the first refusal lasts (default 1 minute); each further one doubles, up to
 *                     {@code lockout}
 * @param lockout the longest a refusal lasts (default 15 minutes), so that nobody can keep an account locked for
 *                long; an administrator can unlock at once
 * @param idleTimeout a session without user activity (Vaadin's heartbeat does not count) ends after this
 *                    (default 30 minutes)
 * @param sessionLifetime a session ends this long after it began, active or not (default 12 hours)
 * @param contentSecurityPolicy the Content-Security-Policy header (default {@link #DEFAULT_CONTENT_SECURITY_POLICY})
 * @param demoUsers create one demo user per role on first start (default true; switch off for real use)
 * @param resetAdminPassword at start, set the {@code admin} password to {@code STRONGTOWN_ADMIN_PASSWORD}
 *                           and unlock the account (recovery of a lost admin password)
 */
@ConfigurationProperties("strongtown.security")
public record SecuritySettings(Integer maxFailedLogins, Duration lockout, Boolean demoUsers,
                               Boolean resetAdminPassword, Integer maxFailedLoginsPerAccount,
                               Integer maxFailedLoginsPerAddress, Duration firstLockout, Duration idleTimeout,
                               Duration sessionLifetime, String contentSecurityPolicy) {

    /**
     * What Vaadin Flow needs (its documentation: the inline bootstrap script, functions built from the server's
     * JavaScript expressions, inline styles) and nothing from other origins.
     */
    public static final String DEFAULT_CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public int failedLoginLimit() {
        return maxFailedLogins != null ? maxFailedLogins : 5;
    }

    public int failedLoginLimitPerAccount() {
        return maxFailedLoginsPerAccount != null ? maxFailedLoginsPerAccount : 20;
    }

    public int failedLoginLimitPerAddress() {
        return maxFailedLoginsPerAddress != null ? maxFailedLoginsPerAddress : 100;
    }

    public Duration firstLockoutDuration() {
        return firstLockout != null ? firstLockout : Duration.ofMinutes(1);
    }

    public Duration lockoutDuration() {
        return lockout != null ? lockout : Duration.ofMinutes(15);
    }

    public Duration sessionIdleTimeout() {
        return idleTimeout != null ? idleTimeout : Duration.ofMinutes(30);
    }

    public Duration sessionMaximumLifetime() {
        return sessionLifetime != null ? sessionLifetime : Duration.ofHours(12);
    }

    public String contentSecurityPolicyHeader() {
        return contentSecurityPolicy != null && !contentSecurityPolicy.isBlank() ? contentSecurityPolicy
                : DEFAULT_CONTENT_SECURITY_POLICY;
    }

    public boolean createDemoUsers() {
        return demoUsers == null || demoUsers;
    }

    public boolean resetAdmin() {
        return resetAdminPassword != null && resetAdminPassword;
    }
}
