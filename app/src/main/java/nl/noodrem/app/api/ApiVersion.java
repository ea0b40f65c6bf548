package nl.noodrem.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's version (Dutch API Design Rules, /core/version-header and /core/uri-version): every response under
 * {@code /api/} states the full version in {@code API-Version}; a request may name the version it was written
 * for in the same header, and one naming another major version is refused with 400 before anything else happens
 * (a client built for v2 must not get v1's answers silently).
 */
@Configuration(proxyBeanMethods = false)
class ApiVersion {

  static final String HEADER = "API-Version";
  /** The full version, semver: also the OpenAPI document's {@code info.version}. */
  static final String FULL = "1.0.0";
  static final int MAJOR = 1;
  /** The path prefix every operation lives under: the major version is in the URI. */
  static final String BASE_PATH = "/api/v" + MAJOR;

  /** "1", "1.0" or "1.0.0" (any minor and patch): what a request may say. */
  private static final Pattern REQUESTED = Pattern.compile("(\\d{1,9})(?:\\.\\d{1,9}){0,2}");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> apiVersionFilter(ApiProblems problems) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader(HEADER, FULL);
        String requested = request.getHeader(HEADER);
        if (requested != null && !isThisMajor(requested)) {
          problems.write(response, ApiProblems.problem(HttpStatus.BAD_REQUEST, "Niet-ondersteunde API-versie",
              "Deze API is versie " + FULL + "; de header " + HEADER + " mag alleen versie " + MAJOR
                  + " (bijvoorbeeld " + MAJOR + " of " + FULL + ") vragen."));
          return;
        }
        chain.doFilter(request, response);
      }
    });
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static boolean isThisMajor(String requested) {
    Matcher m = REQUESTED.matcher(requested.strip());
    return m.matches() && Integer.parseInt(m.group(1)) == MAJOR;
  }
}
