package cn.liaocheng.strongtown.dashboard.security;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.liaocheng.strongtown.account.PasswordHashing;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import cn.liaocheng.strongtown.dashboard.security.ui.LoginView;

/**
 * Spring Security for the Vaadin app: form login through {@link LoginView}, view access by
 * {@code @RolesAllowed} (read by Vaadin only), and method security on the services
 * ({@code @PreAuthorize} with the expressions of {@link Access}). Spring Security's defaults stay on: a new session
 * id at login (session-fixation protection), CSRF for non-Vaadin requests, and its security headers; added are a
 * Content-Security-Policy, Referrer-Policy and Permissions-Policy, the session registry through which a user change
 * ends that user's sessions ({@link SessionTermination}), and the idle and absolute session limits
 * ({@link SessionLifetimeFilter}).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfig {

    /** No camera, microphone, location, payment or USB for any page. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil requestUtil, SessionRegistry sessions,
                                            SecuritySettings settings) throws Exception {
        // The ECharts scripts and our style sheet are static files; everything else is decided by Vaadin's configurer.
        http.authorizeHttpRequests(auth -> auth.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/js/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/css/**")).permitAll());
        // Vaadin's own CSRF set-up also exempts the login POST; ours exempts only Vaadin's internal
        // requests (which carry Vaadin's own token), so a login needs the page's CSRF token too.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        // Every session is registered, so that a change to a user can expire that user's sessions. An expired
        // session's request is signed out and then goes on anonymous: a page request is sent to the login page,
        // a Vaadin request is answered "session expired" and its page reloads to the login page.
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                .expiredSessionStrategy(expired -> expired.getFilterChain().doFilter(expired.getRequest(),
                        expired.getResponse())));
        http.addFilterBefore(new SessionLifetimeFilter(settings, Clock.systemUTC()), SecurityContextHolderFilter.class);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(settings.contentSecurityPolicyHeader()))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false)).build();
    }

    /** Refusals by method security become events, which {@link AccessRefusals} logs. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry about ended sessions and changed session ids. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * Spring Security's delegating encoder, so that hashes name their algorithm. New hashes are PBKDF2-SHA256
     * (Spring Security's current parameters): unlike BCrypt, which reads only the first 72 bytes of a password
     * (24 Chinese characters) and refuses longer ones, it takes a passphrase of any length. Existing {@code {bcrypt}}
     * hashes still verify and are re-hashed at the user's next login.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.encoder();
    }
}
