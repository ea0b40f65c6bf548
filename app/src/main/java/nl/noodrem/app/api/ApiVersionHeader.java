package nl.noodrem.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/** Dutch API Design Rules (API-57): every response of the API states the full version in {@code API-Version}. */
@Configuration(proxyBeanMethods = false)
class ApiVersionHeader {

  static final String NAME = "API-Version";
  static final String VERSION = "1.0.0";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> apiVersionHeaderFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader(NAME, VERSION);
        chain.doFilter(request, response);
      }
    });
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
