package cn.liaocheng.strongtown.dashboard.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user of the current request or UI, from Spring Security's context. */
@Component
public class CurrentUser {

    public Optional<StrongTownUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StrongTownUser user
                ? Optional.of(user) : Optional.empty();
    }

    public StrongTownUser require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }
}
