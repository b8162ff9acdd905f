package cn.liaocheng.strongtown.dashboard.user;

import java.util.function.Supplier;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Spring Security's user-name-and-password check, made to cost the same whatever the outcome: every attempt runs
 * one password-hash comparison — against the account's hash, or against a dummy hash for an unknown name (Spring's
 * own mitigation), a locked or disabled account, or a name and address that {@link LoginThrottle} refuses. Without
 * that, a locked or disabled account answered at once and a wrong password only after the hash, which told an
 * attacker which accounts exist. A locked or disabled account is refused whatever the password, so the answer
 * never tells whether the password was right.
 */
@Component
class AccountAuthenticationProvider extends DaoAuthenticationProvider {

    private static final AccountStatusUserDetailsChecker ACCOUNT_STATUS = new AccountStatusUserDetailsChecker();

    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Supplier<String> dummyHash;

    AccountAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        super(encoder);
        this.encoder = encoder;
        this.throttle = throttle;
        this.dummyHash = SingletonSupplier.of(() -> encoder.encode("dummy password, never anyone's"));
        setUserDetailsService(users);
        if (users instanceof UserDetailsPasswordService upgrades) {
            setUserDetailsPasswordService(upgrades); // old {bcrypt} hashes become the current kind at login
        }
        // Locked and disabled are checked after the password comparison (additionalAuthenticationChecks), not before.
        setPreAuthenticationChecks(user -> { });
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (throttle.refusedUntil(authentication.getName(), address(authentication)).isPresent()) {
            compareWithDummy(authentication);
            throw new LockedException("too many failed logins");
        }
        return super.authenticate(authentication);
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        if (!user.isAccountNonLocked() || !user.isEnabled() || !user.isAccountNonExpired()) {
            compareWithDummy(authentication);
            ACCOUNT_STATUS.check(user);
        }
        super.additionalAuthenticationChecks(user, authentication);
    }

    private void compareWithDummy(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        encoder.matches(credentials == null ? "" : credentials.toString(), dummyHash.get());
    }

    /** The client address of a login attempt ({@code unknown} outside a web request). */
    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }
}
