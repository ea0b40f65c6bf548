package nl.noodrem.app.security;

import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.spring.DigidAccessDeniedHandler;
import nl.noodrem.digid.spring.DigidAuthenticationEntryPoint;
import nl.noodrem.digid.spring.DigidSecurityContextRepository;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Who may reach what.
 *
 * <ul>
 *   <li>Citizens: DigiD (through digid-connector); pulling the brake and presenting proof need level Substantieel.
 *   <li>Staff: the Camunda webapps (Cockpit, Tasklist, Admin) authenticate with Camunda's own identity service and
 *       guard their API with their own CSRF token; the engine's REST API requires HTTP Basic against the same
 *       identity service.
 *   <li>Development only: the DigiD simulator and the legacy stand-ins' SOAP endpoint.
 * </ul>
 * Spring's CSRF token travels in its own cookie ({@code NOODREM-XSRF}) so that it never collides with the Camunda
 * webapps' {@code XSRF-TOKEN}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  public static final String CSRF_COOKIE = "NOODREM-XSRF";
  public static final String CSRF_HEADER = "X-NOODREM-XSRF";

  @Bean
  SecurityFilterChain web(HttpSecurity http, DigidAuthenticationEntryPoint digidEntryPoint,
      DigidAccessDeniedHandler digidAccessDenied, DigidSecurityContextRepository digidContexts,
      Environment environment) throws Exception {
    boolean dev = environment.acceptsProfiles(Profiles.of("dev"));
    CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    csrfTokens.setCookieName(CSRF_COOKIE);
    csrfTokens.setHeaderName(CSRF_HEADER);
    csrfTokens.setCookieCustomizer(c -> c.sameSite("Lax").path("/"));
    CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
    // let the token be read from the header or form without the deferred-loading dance of the XOR handler
    csrfHandler.setCsrfRequestAttributeName(null);

    http
        .securityContext(c -> c.securityContextRepository(digidContexts))
        .authorizeHttpRequests(a -> {
          a.requestMatchers("/", "/error", "/css/**", "/js/**", "/img/**", "/favicon.ico").permitAll();
          a.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll();
          a.requestMatchers("/digid/**").permitAll();
          // the portal's public start pages (a DigiD login starts there and a cancel lands back there)
          a.requestMatchers("/noodrem", "/gemeente", "/gemeente/*").permitAll();
          // Camunda's webapps and engine REST API authenticate with Camunda's identity service
          a.requestMatchers("/camunda/**", "/engine-rest/**").permitAll();
          if (dev) {
            a.requestMatchers("/digid-simulator/**", "/services/standin/**").permitAll();
          }
          a.requestMatchers("/portaal/noodrem/**").hasAuthority(DigidLevel.SUBSTANTIEEL.authority());
          a.requestMatchers("/portaal/**", "/gemeente/**").hasRole("CITIZEN");
          a.anyRequest().denyAll();
        })
        .exceptionHandling(e -> e.authenticationEntryPoint(digidEntryPoint).accessDeniedHandler(digidAccessDenied))
        .csrf(c -> {
          c.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(csrfHandler)
              .ignoringRequestMatchers("/camunda/**", "/engine-rest/**");
          if (dev) {
            c.ignoringRequestMatchers("/digid-simulator/login", "/services/standin/**");
          }
        })
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  /** The engine's REST API: HTTP Basic against Camunda's users, never anonymous. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setName("camunda-engine-rest-authentication");
    return registration;
  }
}
