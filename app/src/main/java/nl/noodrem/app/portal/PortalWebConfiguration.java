package nl.noodrem.app.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The citizen portal's web setup: Dutch first with an English version ({@code ?lang=en}, remembered in a cookie),
 * texts from {@code messages.properties} (Dutch) and {@code messages_en.properties}, and a strict
 * Content-Security-Policy on the portal's pages (the wallet decrypts credentials in this origin, so no script but
 * our own bundles may run there).
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {

  /** Paths of the portal's own pages; Camunda's webapps and the DigiD connector keep their own headers. */
  static final String[] PORTAL_PATHS = {"/", "/noodrem", "/portaal/**", "/gemeente", "/gemeente/**", "/error"};

  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'self'");

  static final String LANGUAGE_COOKIE = "NOODREM-TAAL";

  /**
   * Portal texts. Defined here rather than by Spring Boot so that a missing Dutch key never falls back to the
   * server's own locale: the base file is Dutch, English is the only translation.
   */
  @Bean
  MessageSource messageSource() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setFallbackToSystemLocale(false);
    messages.setUseCodeAsDefaultMessage(false);
    return messages;
  }

  @Bean
  LocaleResolver localeResolver() {
    return new PortalLocaleResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor language = new LocaleChangeInterceptor();
    language.setParamName("lang");
    language.setIgnoreInvalidLocale(true);
    registry.addInterceptor(language).addPathPatterns(PORTAL_PATHS);
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        return true;
      }
    }).addPathPatterns(PORTAL_PATHS);
  }

  /** Dutch unless the citizen chose English; any other language asked for is Dutch. */
  static final class PortalLocaleResolver extends CookieLocaleResolver {

    PortalLocaleResolver() {
      super(LANGUAGE_COOKIE);
      setDefaultLocale(PortalLocales.DUTCH);
      setCookieMaxAge(Duration.ofDays(365));
      setCookieSameSite("Lax");
      setDefaultLocaleFunction(request -> PortalLocales.DUTCH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      return PortalLocales.supported(super.resolveLocale(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
      super.setLocale(request, response, locale == null ? null : PortalLocales.supported(locale));
    }
  }
}
