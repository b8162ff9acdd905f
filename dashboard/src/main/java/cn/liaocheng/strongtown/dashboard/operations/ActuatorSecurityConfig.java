package cn.liaocheng.strongtown.dashboard.operations;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

import cn.liaocheng.strongtown.dashboard.security.Role;

/**
 * The actuator endpoints have their own filter chain, before the Vaadin one: health (with the liveness and
 * readiness probes) is public and shows no details to anonymous callers; every other endpoint (info, metrics,
 * prometheus) needs an administrator, by HTTP Basic (for a Prometheus scraper) or the signed-in session. No
 * CSRF (the endpoints are read-only GETs) and no session of their own.
 */
@Configuration
@ConditionalOnWebApplication // the report command runs the services without a web server
class ActuatorSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole(Role.Names.ADMIN))
                // 401 by status, not sendError: an error dispatch would land in the Vaadin chain's login redirect.
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) ->
                        response.setStatus(HttpStatus.FORBIDDEN.value())))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }
}
