package nl.noodrem.app.security;

import java.time.Clock;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The staff surfaces apart from the citizen's (ADR 0010): when {@code noodrem.staff.port} is set (the production
 * profile sets it), a second Tomcat connector serves Cockpit, Tasklist, Admin, the engine REST API and the operator
 * API, and only those; the citizen port answers 404 for them. Staff logins are throttled per source on every profile.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffProperties.class)
public class StaffSurfaceConfiguration {

  /** The staff connector, made here so its bound port can be read once Tomcat started it. */
  public static final class StaffConnector {
    private final Connector connector;

    StaffConnector(Connector connector) {
      this.connector = connector;
    }

    /** The port it listens on; -1 before it started or when there is none. */
    public int localPort() {
      return connector == null ? -1 : connector.getLocalPort();
    }

    public boolean enabled() {
      return connector != null;
    }
  }

  @Bean
  StaffConnector staffConnector(StaffProperties properties, Environment environment) {
    if (properties.port() == null) {
      return new StaffConnector(null);
    }
    Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
    connector.setPort(properties.port());
    String address = properties.address() == null || properties.address().isBlank()
        ? environment.getProperty("server.address") : properties.address();
    if (address != null && !address.isBlank()) {
      connector.setProperty("address", address);
    }
    return new StaffConnector(connector);
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> staffConnectorCustomizer(StaffConnector staff) {
    return factory -> {
      if (staff.enabled()) {
        factory.addAdditionalTomcatConnectors(staff.connector);
      }
    };
  }

  /** First of all filters, so nothing of the other side runs (no session, no CSRF cookie) before the 404. */
  @Bean
  FilterRegistrationBean<StaffSurfaceFilter> staffSurfaceFilter(StaffConnector staff) {
    FilterRegistrationBean<StaffSurfaceFilter> registration = new FilterRegistrationBean<>(new StaffSurfaceFilter(staff::localPort));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setEnabled(staff.enabled());
    registration.setName("noodrem-staff-surface");
    return registration;
  }

  @Bean
  LoginThrottle staffLoginThrottle(StaffProperties properties) {
    return new LoginThrottle(properties.login(), Clock.systemUTC());
  }

  /** Right after the surface filter: before Camunda's authentication filters see a login. */
  @Bean
  FilterRegistrationBean<StaffLoginThrottleFilter> staffLoginThrottleFilter(LoginThrottle throttle) {
    FilterRegistrationBean<StaffLoginThrottleFilter> registration = new FilterRegistrationBean<>(new StaffLoginThrottleFilter(throttle));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*", "/engine-rest/*");
    registration.setName("noodrem-staff-login-throttle");
    return registration;
  }
}
