package nl.noodrem.app.security;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.spring.DigidAccessDeniedHandler;
import nl.noodrem.digid.spring.DigidAuthentication;
import nl.noodrem.digid.spring.DigidAuthenticationEntryPoint;
import nl.noodrem.digid.spring.DigidLevelPolicy;
import nl.noodrem.digid.spring.DigidProperties;
import nl.noodrem.digid.spring.DigidSecurityContextRepository;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Who may reach what.
 *
 * <ul>
 *   <li>Citizens: DigiD (through digid-connector); every page and API that reveals or requests debt-help facts
 *       needs level Substantieel ({@link #CITIZEN_ROUTES}); a lower session is stepped up, never answered 403
 *       (ADR 0010).
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

  /**
   * Every route that reveals or requests debt-help facts, with the DigiD level it needs (ADR 0010): the brake, the
   * inbox and the wallet ({@code /portaal}), and the municipality's request, status and collection pages and APIs.
   */
  public static final Map<String, DigidLevel> CITIZEN_ROUTES = Map.of(
      "/portaal/**", DigidLevel.SUBSTANTIEEL,
      "/gemeente/*/schuldhulpbewijs/**", DigidLevel.SUBSTANTIEEL);

  /**
   * The public start pages of the brake and the municipalities. Visitors see them; a citizen logged in below the
   * level of what follows is stepped up on them, and a login started on them asks that level.
   */
  public static final Map<String, DigidLevel> START_PAGES = Map.of(
      "/noodrem", DigidLevel.SUBSTANTIEEL,
      "/gemeente", DigidLevel.SUBSTANTIEEL,
      "/gemeente/*", DigidLevel.SUBSTANTIEEL);

  /**
   * The levels per path for the DigiD connector's entry point, step-up handler and login: the routes above, raised
   * (never lowered) by {@code noodrem.digid.path-levels}. One source, so the rules and the step-up never disagree.
   */
  @Bean
  DigidLevelPolicy digidLevelPolicy(DigidProperties properties) {
    Map<String, DigidLevel> paths = new LinkedHashMap<>(properties.pathLevels());
    CITIZEN_ROUTES.forEach((pattern, level) -> paths.merge(pattern, level, SecurityConfiguration::higher));
    START_PAGES.forEach((pattern, level) -> paths.merge(pattern, level, SecurityConfiguration::higher));
    return new DigidLevelPolicy(properties.defaultLevel(), properties.uses(), paths);
  }

  private static DigidLevel higher(DigidLevel a, DigidLevel b) {
    return a.isAtLeast(b) ? a : b;
  }

  /** Granted to a visitor who is not logged in with DigiD, and to a citizen logged in at {@code level} or higher. */
  static AuthorizationManager<RequestAuthorizationContext> anonymousOrAtLeast(DigidLevel level) {
    return (authentication, context) -> {
      Authentication current = authentication.get();
      boolean granted = !(current instanceof DigidAuthentication digid) || digid.citizen().level().isAtLeast(level);
      return new AuthorizationDecision(granted);
    };
  }

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
          // the portal's start pages: open to visitors (a DigiD login starts there and a cancel lands back there);
          // a logged-in citizen below the level of what follows is stepped up there already
          START_PAGES.forEach((pattern, level) -> a.requestMatchers(pattern).access(anonymousOrAtLeast(level)));
          // Camunda's webapps and engine REST API authenticate with Camunda's identity service
          a.requestMatchers("/camunda/**", "/engine-rest/**").permitAll();
          if (dev) {
            a.requestMatchers("/digid-simulator/**", "/services/standin/**").permitAll();
          }
          // every page and API that reveals or requests debt-help facts: the level, or a step-up to it
          CITIZEN_ROUTES.forEach((pattern, level) -> a.requestMatchers(pattern).hasAuthority(level.authority()));
          a.anyRequest().denyAll();
        })
        .exceptionHandling(e -> e.authenticationEntryPoint(digidEntryPoint).accessDeniedHandler(digidAccessDenied))
        .csrf(c -> {
          // the IdP's SOAP back channel (single logout) is authenticated by its signature, not a session
          c.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(csrfHandler)
              .ignoringRequestMatchers("/camunda/**", "/engine-rest/**", "/digid/slo/soap");
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
