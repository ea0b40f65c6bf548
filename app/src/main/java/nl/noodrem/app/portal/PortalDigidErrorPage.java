package nl.noodrem.app.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.noodrem.digid.DigidMessages;
import nl.noodrem.digid.spring.DigidErrorPage;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The DigiD failure page in the portal's look. It shows Logius' fixed text {@link DigidMessages#ERROR} verbatim (on
 * the English page too, below its translation), and the incident reference that matches the log line.
 */
@Component
class PortalDigidErrorPage implements DigidErrorPage {

  private final SpringTemplateEngine templates;
  private final LocaleResolver locales;

  PortalDigidErrorPage(SpringTemplateEngine templates, LocaleResolver locales) {
    this.templates = templates;
    this.locales = locales;
  }

  @Override
  public void render(HttpServletRequest request, HttpServletResponse response, int status, String incidentId)
      throws IOException {
    Locale locale = PortalLocales.supported(locales.resolveLocale(request));
    boolean english = PortalLocales.isEnglish(locale);
    Map<String, Object> model = new HashMap<>();
    model.put("lang", english ? "en" : "nl");
    model.put("english", english);
    model.put("loggedIn", false);
    model.put("currentPath", "/digid");
    model.put("otherLanguageUrl", "/?lang=" + (english ? "nl" : "en"));
    model.put("digidError", DigidMessages.ERROR);
    model.put("incidentId", incidentId);
    var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
        .buildExchange(request, response);
    String html = templates.process("digid-error", new WebContext(exchange, locale, model));
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", PortalWebConfiguration.CONTENT_SECURITY_POLICY);
    response.getWriter().write(html);
  }
}
