package cn.liaocheng.strongtown.dashboard.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.dashboard.security.MovableClock;
import cn.liaocheng.strongtown.dashboard.security.SecuritySettings;

/** Throttling of failed logins by name and address, by name, by address: limits, back-off, who is refused. */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(new SecuritySettings(5, Duration.ofMinutes(15), null, null,
            20, 100, Duration.ofMinutes(1), null, null, null), clock);

    private void fail(String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.registerFailure(name, address);
        }
    }

    @Test
    void aNameIsRefusedFromTheGuessersAddressButNotFromTheOwners() {
        fail("admin", "203.0.113.9", 4);
        assertThat(throttle.refusedUntil("admin", "203.0.113.9")).isEmpty();
        assertThat(throttle.registerFailure("admin", "203.0.113.9")).hasValueSatisfying(r -> {
            assertThat(r.scope()).isEqualTo("account and address");
            assertThat(r.duration()).isEqualTo(Duration.ofMinutes(1));
        });
        assertThat(throttle.refusedUntil("admin", "203.0.113.9")).isPresent();
        assertThat(throttle.refusedUntil("admin", "10.0.0.5")).as("the owner's own address").isEmpty();
        assertThat(throttle.refusedUntil("Admin ", "203.0.113.9")).as("case and spaces do not dodge it").isPresent();
    }

    @Test
    void unknownNamesCountExactlyLikeKnownOnes() {
        fail("no-such-user", "203.0.113.9", 5);
        fail("admin", "203.0.113.10", 5);
        assertThat(throttle.refusedUntil("no-such-user", "203.0.113.9"))
                .isEqualTo(throttle.refusedUntil("admin", "203.0.113.10"));
    }

    @Test
    void refusalsDoubleButStayShortSoAStrangerCannotKeepAnAccountLockedForLong() {
        for (int round = 1; round <= 8; round++) {
            fail("admin", "203.0.113.9", 5);
            Instant until = throttle.refusedUntil("admin", "203.0.113.9").orElseThrow();
            Duration expected = Duration.ofMinutes(Math.min(15, 1L << (round - 1)));
            assertThat(Duration.between(clock.instant(), until)).as("round " + round).isEqualTo(expected);
            clock.advance(expected.plusSeconds(1));
            assertThat(throttle.refusedUntil("admin", "203.0.113.9")).as("over after round " + round).isEmpty();
        }
    }

    @Test
    void manyAddressesGuessingOneNameRefuseItEverywhereForAWhile() {
        for (int i = 0; i < 20; i++) {
            throttle.registerFailure("leader", "198.51.100." + i);
        }
        assertThat(throttle.refusedUntil("leader", "10.0.0.5")).as("account-wide after 20").isPresent();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(throttle.refusedUntil("leader", "10.0.0.5")).as("and only for the first lockout").isEmpty();
    }

    @Test
    void oneAddressTryingManyNamesIsRefusedForEveryName() {
        for (int i = 0; i < 100; i++) {
            throttle.registerFailure("name-" + i, "203.0.113.50");
        }
        assertThat(throttle.refusedUntil("analyst", "203.0.113.50")).isPresent();
        assertThat(throttle.refusedUntil("analyst", "203.0.113.51")).isEmpty();
    }

    @Test
    void successClearsTheNameAndUnlockClearsItEverywhere() {
        fail("office", "203.0.113.9", 4);
        throttle.registerSuccess("office", "203.0.113.9");
        fail("office", "203.0.113.9", 4);
        assertThat(throttle.refusedUntil("office", "203.0.113.9")).as("counting started again").isEmpty();
        fail("office", "203.0.113.9", 1);
        fail("office", "203.0.113.7", 5);
        assertThat(throttle.refusedUntil("office")).isPresent();
        throttle.clear("office");
        assertThat(throttle.refusedUntil("office")).isEmpty();
        assertThat(throttle.refusedUntil("office", "203.0.113.9")).isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuietSpell() {
        fail("county", "203.0.113.9", 4);
        clock.advance(Duration.ofMinutes(16));
        fail("county", "203.0.113.9", 4);
        assertThat(throttle.refusedUntil("county", "203.0.113.9")).isEmpty();
    }
}
