package cn.liaocheng.strongtown.dashboard.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.security.SecuritySettings;

/**
 * Failed logins, counted in memory by user name and address together, by user name alone and by address alone —
 * names that do not exist count exactly like those that do, so refusals tell nothing about which accounts exist.
 * At a key's limit that key is refused for {@code first-lockout}, doubling at each further refusal up to
 * {@code lockout}:
 * <ul>
 *   <li>name and address ({@code max-failed-logins}, 5): the guesser is refused, the account's owner at another
 *       address is not — a stranger cannot lock anyone out this way;</li>
 *   <li>name ({@code max-failed-logins-per-account}, 20): guessing one password from many addresses; a refusal
 *       lasts at most {@code lockout}, and each takes as many failures again;</li>
 *   <li>address ({@code max-failed-logins-per-address}, 100): one address trying many names.</li>
 * </ul>
 * A key forgets its failures after {@code lockout} without one, and its refusal count after a day. Kept in memory:
 * a restart clears it (and cannot be caused from outside).
 */
@Component
class LoginThrottle {

    /** A refusal that this failure started, for the audit log. */
    record Refusal(String scope, int failures, Duration duration) {
    }

    private static final int MAX_KEYS = 100_000;
    private static final Duration FORGET_REFUSALS = Duration.ofDays(1);

    private final SecuritySettings settings;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(SecuritySettings settings) {
        this(settings, Clock.systemUTC());
    }

    LoginThrottle(SecuritySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private static final class Counter {
        int failures;
        int refusals;
        Instant refusedUntil;
        Instant lastFailure;
    }

    /** Until when a login of this name from this address is refused, if it is. */
    Optional<Instant> refusedUntil(String username, String address) {
        Instant now = clock.instant();
        Instant until = null;
        for (String key : new String[] {pair(username, address), name(username), address(address)}) {
            Counter counter = counters.get(key);
            if (counter != null) {
                synchronized (counter) {
                    if (counter.refusedUntil != null && counter.refusedUntil.isAfter(now)
                            && (until == null || counter.refusedUntil.isAfter(until))) {
                        until = counter.refusedUntil;
                    }
                }
            }
        }
        return Optional.ofNullable(until);
    }

    /** Counts a failed login; the refusal it started, if any (the narrowest one). */
    Optional<Refusal> registerFailure(String username, String address) {
        if (counters.size() > MAX_KEYS) {
            forgetQuietKeys();
        }
        Optional<Refusal> addressRefusal = count(address(address), "address", settings.failedLoginLimitPerAddress());
        Optional<Refusal> nameRefusal = count(name(username), "account", settings.failedLoginLimitPerAccount());
        Optional<Refusal> pairRefusal = count(pair(username, address), "account and address",
                settings.failedLoginLimit());
        return pairRefusal.or(() -> nameRefusal).or(() -> addressRefusal);
    }

    /** A successful login clears its name's failures (not its address's: one good account must not hide guessing). */
    void registerSuccess(String username, String address) {
        counters.remove(pair(username, address));
        counters.remove(name(username));
    }

    /** Until when a name is refused from some address (what the administrators' list shows), if it is. */
    Optional<Instant> refusedUntil(String username) {
        Instant now = clock.instant();
        String prefix = "pair:" + normal(username) + "\u0000";
        return counters.entrySet().stream()
                .filter(e -> e.getKey().equals(name(username)) || e.getKey().startsWith(prefix))
                .map(e -> {
                    synchronized (e.getValue()) {
                        return e.getValue().refusedUntil;
                    }
                })
                .filter(until -> until != null && until.isAfter(now))
                .max(Instant::compareTo);
    }

    /** An administrator's unlock: the name's counts everywhere are cleared. */
    void clear(String username) {
        String prefix = "pair:" + normal(username) + "\u0000";
        counters.keySet().removeIf(key -> key.equals(name(username)) || key.startsWith(prefix));
    }

    private Optional<Refusal> count(String key, String scope, int limit) {
        Instant now = clock.instant();
        Counter counter = counters.computeIfAbsent(key, k -> new Counter());
        synchronized (counter) {
            if (counter.lastFailure != null && counter.lastFailure.plus(settings.lockoutDuration()).isBefore(now)) {
                counter.failures = 0;
            }
            if (counter.lastFailure != null && counter.lastFailure.plus(FORGET_REFUSALS).isBefore(now)) {
                counter.refusals = 0;
            }
            counter.lastFailure = now;
            counter.failures++;
            if (counter.failures < limit) {
                return Optional.empty();
            }
            counter.failures = 0;
            counter.refusals++;
            Duration duration = backOff(counter.refusals);
            counter.refusedUntil = now.plus(duration);
            return Optional.of(new Refusal(scope, limit, duration));
        }
    }

    /** first-lockout × 2^(n−1), at most lockout. */
    Duration backOff(int refusals) {
        Duration cap = settings.lockoutDuration();
        Duration duration = settings.firstLockoutDuration();
        for (int i = 1; i < refusals && duration.compareTo(cap) < 0; i++) {
            duration = duration.multipliedBy(2);
        }
        return duration.compareTo(cap) > 0 ? cap : duration;
    }

    private void forgetQuietKeys() {
        Instant horizon = clock.instant().minus(settings.lockoutDuration());
        counters.values().removeIf(c -> {
            synchronized (c) {
                return c.lastFailure.isBefore(horizon) && (c.refusedUntil == null || c.refusedUntil.isBefore(horizon));
            }
        });
    }

    private static String normal(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String pair(String username, String address) {
        return "pair:" + normal(username) + "\u0000" + address;
    }

    private static String name(String username) {
        return "name:" + normal(username);
    }

    private static String address(String address) {
        return "address:" + address;
    }
}
