package cn.liaocheng.strongtown.dashboard.user;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import cn.liaocheng.strongtown.account.PasswordHashing;

/**
 * Spring Security's user-name-and-password check, made to cost the same whatever the outcome. Every attempt runs
 * exactly one password-hash comparison of each kind of hash the users table still holds ({@link StoredHashFamilies}):
 * against the account's own hash for its kind, and against a dummy hash for every other kind — and for all kinds
 * when the name is unknown, the account locked or disabled, or the name and address refused by
 * {@link LoginThrottle}. Without that, a locked or disabled account answered at once and a wrong password only after
 * the hash, which told an attacker which accounts exist; and while an account from the first releases still holds a
 * BCrypt hash (about 4× cheaper than PBKDF2 here), its wrong password answered sooner than an unknown name's.
 * Re-hashing the old hashes at start is impossible (the passwords are not known), so they are padded instead until
 * their owners' next login upgrades them; once none remains, a login costs one PBKDF2 comparison again.
 * A locked or disabled account is refused whatever the password, so the answer never tells whether it was right.
 */
@Component
class AccountAuthenticationProvider extends DaoAuthenticationProvider {

    private static final AccountStatusUserDetailsChecker ACCOUNT_STATUS = new AccountStatusUserDetailsChecker();
    private static final String DUMMY = "dummy password, never anyone's";

    /** The hash kinds compared during the current attempt on this thread. */
    private static final ThreadLocal<Set<String>> COMPARED = new ThreadLocal<>();

    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final StoredHashFamilies families;
    private final Supplier<Map<String, String>> dummyHashes;

    @Autowired
    AccountAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                  StoredHashFamilies families) {
        this(users, new Recording(encoder), throttle, families);
    }

    private AccountAuthenticationProvider(UserDetailsService users, Recording encoder, LoginThrottle throttle,
                                          StoredHashFamilies families) {
        super(encoder);
        this.encoder = encoder;
        this.throttle = throttle;
        this.families = families;
        // BCrypt at the strength PasswordHashing reads old hashes with (10, as the first releases wrote them).
        this.dummyHashes = SingletonSupplier.of(() -> Map.of(
                PasswordHashing.ID, encoder.encode(DUMMY),
                "bcrypt", "{bcrypt}" + new BCryptPasswordEncoder().encode(DUMMY)));
        setUserDetailsService(users);
        if (users instanceof UserDetailsPasswordService upgrades) {
            setUserDetailsPasswordService(upgrades); // old {bcrypt} hashes become the current kind at login
        }
        // Locked and disabled are checked in additionalAuthenticationChecks, where the padding is paid, not before.
        setPreAuthenticationChecks(user -> { });
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Set<String> owed = families.present();
        COMPARED.set(new HashSet<>());
        try {
            if (throttle.refusedUntil(authentication.getName(), address(authentication)).isPresent()) {
                throw new LockedException("too many failed logins");
            }
            return super.authenticate(authentication);
        } finally {
            padComparisons(authentication, owed);
            COMPARED.remove();
        }
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        if (!user.isAccountNonLocked() || !user.isEnabled() || !user.isAccountNonExpired()) {
            ACCOUNT_STATUS.check(user); // refused before its own hash is compared; the padding pays the dummies
        }
        super.additionalAuthenticationChecks(user, authentication);
    }

    /** One dummy comparison for every kind still stored (and the current kind) not yet compared in this attempt. */
    private void padComparisons(Authentication authentication, Set<String> owed) {
        Set<String> kinds = new HashSet<>(owed);
        kinds.add(PasswordHashing.ID);
        kinds.removeAll(COMPARED.get());
        Object credentials = authentication.getCredentials();
        String presented = credentials == null ? "" : credentials.toString();
        for (String kind : kinds) {
            String dummy = dummyHashes.get().get(kind);
            if (dummy != null) {
                encoder.matches(presented, dummy);
            }
        }
    }

    /** The client address of a login attempt ({@code unknown} outside a web request). */
    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }

    /** The encoder, noting on the attempt's thread which kind of hash each comparison was against. */
    private static final class Recording implements PasswordEncoder {
        private final PasswordEncoder real;

        Recording(PasswordEncoder real) {
            this.real = real;
        }

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            Set<String> compared = COMPARED.get();
            if (compared != null) {
                compared.add(StoredHashFamilies.of(encoded));
            }
            return real.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return real.upgradeEncoding(encoded);
        }
    }
}
