package cn.liaocheng.strongtown.dashboard.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.mock.web.MockHttpServletRequest;

import cn.liaocheng.strongtown.account.PasswordHashing;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.SecuritySettings;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;

/**
 * Every login attempt costs one password-hash comparison, whatever its outcome: against the account's hash, or
 * against a dummy hash for an unknown name, a locked or disabled account and a throttled name and address; and a
 * locked or disabled account is refused even with the right password, so the answer does not tell it was right.
 */
class AccountAuthenticationProviderTest {

    /** The real encoder, recording which hashes it compared against. */
    private static final class RecordingEncoder implements PasswordEncoder {
        final PasswordEncoder real = PasswordHashing.encoder();
        final List<String> comparedWith = new ArrayList<>();

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            comparedWith.add(encoded);
            return real.matches(raw, encoded);
        }
    }

    private final RecordingEncoder encoder = new RecordingEncoder();
    private final String hash = encoder.encode("the-right-password");
    /** A hash as the first releases wrote it, before PBKDF2. */
    private final String legacyHash = "{bcrypt}" + new BCryptPasswordEncoder().encode("the-right-password");
    private final Map<String, StrongTownUser> accounts = new HashMap<>(Map.of(
            "active", new StrongTownUser("active", hash, "正常", Role.ANALYST, null, true, true),
            "locked", new StrongTownUser("locked", hash, "锁定", Role.ANALYST, null, true, false),
            "disabled", new StrongTownUser("disabled", hash, "停用", Role.ANALYST, null, false, true)));
    private final UserDetailsService users = name -> {
        StrongTownUser user = accounts.get(name);
        if (user == null) {
            throw new UsernameNotFoundException("unknown");
        }
        return new StrongTownUser(user.getUsername(), user.getPassword(), user.displayName(), user.role(), null,
                user.isEnabled(), user.isAccountNonLocked());
    };
    private final LoginThrottle throttle = new LoginThrottle(new SecuritySettings(5, Duration.ofMinutes(15), null, null,
            null, null, null, null, null, null));
    private final StoredHashFamilies families = () -> accounts.values().stream()
            .map(user -> StoredHashFamilies.of(user.getPassword())).collect(Collectors.toSet());
    private final AccountAuthenticationProvider provider =
            new AccountAuthenticationProvider(users, encoder, throttle, families);

    private static UsernamePasswordAuthenticationToken attempt(String name, String password) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.9");
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    /** Runs an attempt and answers the hashes it was compared with. */
    private List<String> comparisons(Runnable attempt) {
        encoder.comparedWith.clear();
        attempt.run();
        return List.copyOf(encoder.comparedWith);
    }

    @Test
    void theRightPasswordSignsInWithOneComparisonAgainstTheAccountsHash() {
        assertThat(comparisons(() -> assertThat(provider.authenticate(attempt("active", "the-right-password"))
                .isAuthenticated()).isTrue())).containsExactly(hash);
        assertThat(comparisons(() -> assertThatThrownBy(() -> provider.authenticate(attempt("active", "wrong")))
                .isInstanceOf(BadCredentialsException.class))).containsExactly(hash);
    }

    @Test
    void unknownLockedAndDisabledAccountsCostOneComparisonAgainstADummyHash() {
        for (String name : List.of("nobody", "locked", "disabled")) {
            List<String> compared = comparisons(() -> assertThatThrownBy(() ->
                    provider.authenticate(attempt(name, "the-right-password"))).as(name).isNotNull());
            assertThat(compared).as(name).hasSize(1);
            assertThat(compared.get(0)).as(name + ": the dummy, not the account's hash").isNotEqualTo(hash);
        }
    }

    /** The kinds of hash an attempt was compared against, in any order, one entry per comparison. */
    private List<String> comparedKinds(String name, String password) {
        return comparisons(() -> {
            try {
                provider.authenticate(attempt(name, password));
            } catch (AuthenticationException refused) {
                // the refusal itself is checked elsewhere; here only its cost
            }
        }).stream().map(StoredHashFamilies::of).sorted().toList();
    }

    @Test
    void whileAnOldBcryptHashRemainsEveryOutcomeComparesOnceWithEachKindOfHash() {
        accounts.put("legacy", new StrongTownUser("legacy", legacyHash, "旧账号", Role.ANALYST, null, true, true));
        accounts.put("legacy-locked", new StrongTownUser("legacy-locked", legacyHash, "旧账号", Role.ANALYST, null,
                true, false));
        List<String> both = List.of("bcrypt", PasswordHashing.ID).stream().sorted().toList();
        assertThat(comparedKinds("nobody", "the-right-password")).as("unknown name").isEqualTo(both);
        assertThat(comparedKinds("active", "wrong")).as("wrong password, PBKDF2 account").isEqualTo(both);
        assertThat(comparedKinds("legacy-locked", "wrong")).as("locked BCrypt account").isEqualTo(both);
        assertThat(comparedKinds("locked", "wrong")).as("locked").isEqualTo(both);
        assertThat(comparedKinds("disabled", "wrong")).as("disabled").isEqualTo(both);
        assertThat(comparedKinds("active", "the-right-password")).as("right password").isEqualTo(both);
        assertThat(comparedKinds("legacy", "wrong")).as("wrong password, BCrypt account").isEqualTo(both);
    }

    @Test
    void theBcryptAccountsOwnHashIsTheOneComparedForItsKind() {
        accounts.put("legacy", new StrongTownUser("legacy", legacyHash, "旧账号", Role.ANALYST, null, true, true));
        List<String> compared = comparisons(() -> assertThatThrownBy(() ->
                provider.authenticate(attempt("legacy", "wrong"))).isInstanceOf(BadCredentialsException.class));
        assertThat(compared).contains(legacyHash).hasSize(2);
        assertThat(comparisons(() -> assertThatThrownBy(() -> provider.authenticate(attempt("active", "wrong")))
                .isInstanceOf(BadCredentialsException.class))).contains(hash).hasSize(2);
    }

    @Test
    void onceNoOldHashRemainsALoginCostsOnePbkdf2ComparisonAgain() {
        assertThat(comparedKinds("nobody", "x")).containsExactly(PasswordHashing.ID);
        assertThat(comparedKinds("active", "wrong")).containsExactly(PasswordHashing.ID);
        assertThat(comparedKinds("locked", "wrong")).containsExactly(PasswordHashing.ID);
    }

    @Test
    void lockedAndDisabledAccountsAreRefusedEvenWithTheRightPassword() {
        assertThatThrownBy(() -> provider.authenticate(attempt("locked", "the-right-password")))
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> provider.authenticate(attempt("locked", "wrong")))
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> provider.authenticate(attempt("disabled", "the-right-password")))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void aThrottledNameAndAddressIsRefusedWithTheDummyComparisonEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            throttle.registerFailure("active", "203.0.113.9");
        }
        List<String> compared = comparisons(() -> assertThatThrownBy(() ->
                provider.authenticate(attempt("active", "the-right-password"))).isInstanceOf(LockedException.class));
        assertThat(compared).hasSize(1).doesNotContain(hash);
    }
}
