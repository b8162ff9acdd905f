package cn.liaocheng.strongtown.dashboard.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import cn.liaocheng.strongtown.dashboard.security.ui.LoginView;

/**
 * Spring Security for the Vaadin app: form login through {@link LoginView}, view access by
 * {@code @RolesAllowed} (read by Vaadin only), and method security on the services
 * ({@code @PreAuthorize} with the expressions of {@link Access}). Spring Security's defaults stay on: a new session id at login
 * (session-fixation protection), CSRF for non-Vaadin requests, and its security headers.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil requestUtil) throws Exception {
        // The ECharts scripts and our style sheet are static files; everything else is decided by Vaadin's configurer.
        http.authorizeHttpRequests(auth -> auth.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/js/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/css/**")).permitAll());
        // Vaadin's own CSRF set-up also exempts the login POST; ours exempts only Vaadin's internal
        // requests (which carry Vaadin's own token), so a login needs the page's CSRF token too.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false)).build();
    }

    /** BCrypt through Spring's delegating encoder, so that hashes name their algorithm ({@code {bcrypt}…}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
