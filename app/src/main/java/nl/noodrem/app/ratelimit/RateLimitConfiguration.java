package nl.noodrem.app.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.domain.BsnPseudonymizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Where the rate limits apply: per citizen (by pseudonym, never the BSN) on credential requests, brake pulls and
 * proof attempts, in the portal's pages and JSON actions alike; per API client (API key) on the REST API.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration implements WebMvcConfigurer {

  private final RateLimitProperties properties;
  private final BsnPseudonymizer pseudonymizer;
  private final Clock clock;
  private final ObjectMapper json;

  RateLimitConfiguration(RateLimitProperties properties, BsnPseudonymizer pseudonymizer, Clock clock,
      ObjectMapper json) {
    this.properties = properties;
    this.pseudonymizer = pseudonymizer;
    this.clock = clock;
    this.json = json;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    Function<Authentication, Optional<String>> citizen = a -> a.getPrincipal() instanceof AuthenticatedCitizen c
        ? Optional.of(pseudonymizer.pseudonymize(c.bsn()).value()) : Optional.empty();
    registry.addInterceptor(new RateLimitInterceptor("aanvragen van een schuldhulpbewijs / credential requests",
            new RateLimiter(properties.credentialRequests(), clock), citizen, true, json))
        .addPathPatterns("/gemeente/*/schuldhulpbewijs", "/gemeente/*/schuldhulpbewijs/api/aanvraag");
    registry.addInterceptor(new RateLimitInterceptor("de noodrem trekken / brake pulls",
            new RateLimiter(properties.brakePulls(), clock), citizen, true, json))
        .addPathPatterns("/portaal/noodrem/trekken", "/portaal/noodrem/api/trek");
    registry.addInterceptor(new RateLimitInterceptor("bewijs tonen / proof attempts",
            new RateLimiter(properties.proofAttempts(), clock), citizen, true, json))
        .addPathPatterns("/portaal/noodrem/api/bewijsverzoek", "/portaal/noodrem/api/bewijs");
    // the API's principal is its client (id, organisation, role); its name is unique per configured client
    Function<Authentication, Optional<String>> apiClient = a -> a instanceof AnonymousAuthenticationToken
        || a.getPrincipal() instanceof AuthenticatedCitizen ? Optional.empty() : Optional.of("api:" + a.getName());
    registry.addInterceptor(new RateLimitInterceptor("API-verzoeken met deze sleutel / requests with this API key",
            new RateLimiter(properties.apiClient(), clock), apiClient, false, json))
        .addPathPatterns("/api/v1/**").excludePathPatterns("/api/v1/openapi.json", "/api/v1/openapi.json/**");
  }
}
