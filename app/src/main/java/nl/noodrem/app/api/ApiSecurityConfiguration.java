package nl.noodrem.app.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The REST API ({@code /api/v1/**}): stateless, API keys, no cookies and therefore no CSRF; failures answered as
 * RFC 9457 problem+json by {@link ApiProblems}. The OpenAPI document is public.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiProperties properties, ApiProblems problems) throws Exception {
    http.securityMatcher("/api/**")
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .addFilterBefore(new ApiKeyAuthenticationFilter(properties), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**").permitAll()
            .requestMatchers("/api/v1/beheer/**").hasRole("API_OPERATOR")
            .requestMatchers("/api/v1/noodremmen/**").hasRole("API_PARTNER")
            .anyRequest().denyAll())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((request, response, ex) -> problems.write(response, ApiProblems.problem(
                HttpStatus.UNAUTHORIZED, "Niet geauthenticeerd",
                "Geef een geldige API-sleutel mee in de header X-Api-Key.")))
            .accessDeniedHandler((request, response, ex) -> problems.write(response, ApiProblems.problem(
                HttpStatus.FORBIDDEN, "Geen toegang", "Deze API-sleutel geeft geen toegang tot deze resource."))));
    return http.build();
  }
}

