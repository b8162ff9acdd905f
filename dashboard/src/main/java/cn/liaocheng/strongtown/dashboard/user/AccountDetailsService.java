package cn.liaocheng.strongtown.dashboard.user;

import java.time.Clock;
import java.util.Set;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;

/**
 * Spring Security's view of the users table, read afresh at every login; a locked account is reported as locked
 * until its lock ends. Spring Security re-hashes a password stored under an older kind of hash ({@code {bcrypt}})
 * at a successful login through {@link #updatePassword}.
 */
@Component
class AccountDetailsService implements UserDetailsService, UserDetailsPasswordService, StoredHashFamilies {

    private final UserRepository repository;
    private final Clock clock = Clock.systemUTC();

    AccountDetailsService(UserRepository repository) {
        this.repository = repository;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserRepository.Stored stored = repository.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        UserAccount a = stored.account();
        return new StrongTownUser(a.username(), stored.passwordHash(), a.displayName(), a.role(), a.countyCode(),
                a.enabled(), !a.lockedAt(clock.instant()));
    }

    @Override
    public Set<String> present() {
        return repository.hashFamilies();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        repository.setPasswordHash(user.getUsername(), newPasswordHash);
        return loadUserByUsername(user.getUsername());
    }
}
