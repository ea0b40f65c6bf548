package nl.noodrem.app.portal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.digid.DigidMessages;
import nl.noodrem.processes.config.NoodremProcessProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every portal page's layout needs: the language and the link to the other one, whether a citizen is logged in
 * (log-out button, session warning), and DigiD's notice when the connector sent the citizen back with a flag.
 */
@ControllerAdvice(basePackageClasses = PortalModelAdvice.class, assignableTypes = BasicErrorController.class)
class PortalModelAdvice {

  private final PortalScriptTexts scriptTexts;
  private final NoodremProcessProperties process;

  PortalModelAdvice(PortalScriptTexts scriptTexts, NoodremProcessProperties process) {
    this.scriptTexts = scriptTexts;
    this.process = process;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Locale locale, Model model) {
    boolean english = PortalLocales.isEnglish(locale);
    model.addAttribute("lang", english ? "en" : "nl");
    model.addAttribute("english", english);
    model.addAttribute("jsTexts", scriptTexts.json(locale));
    // the noodstop procedure's periods as configured, so no page promises other numbers than the brake applies
    model.addAttribute("firstHoldMonths", process.firstHoldMonths());
    model.addAttribute("extensionMonths", process.extensionMonths());
    model.addAttribute("totalMonths", process.firstHoldMonths() + process.extensionMonths());
    model.addAttribute("pickupDays", process.pickupWindow().getDays());
    // on an error page the link to the other language re-asks the page that failed
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = failed instanceof String s ? s : request.getRequestURI();
    String query = failed instanceof String ? null : request.getQueryString();
    model.addAttribute("currentPath", uri.substring(Math.min(uri.length(), request.getContextPath().length())));
    model.addAttribute("otherLanguageUrl", UriComponentsBuilder.fromPath(uri)
        .query(query)
        .replaceQueryParam("lang", english ? "nl" : "en")
        .replaceQueryParam(DigidMessages.FLAG_PARAMETER)
        .build().toUriString());

    AuthenticatedCitizen citizen = citizen();
    model.addAttribute("loggedIn", citizen != null);
    if (citizen != null) {
      HttpSession session = request.getSession(false);
      model.addAttribute("sessionIdleSeconds", session == null ? 900 : session.getMaxInactiveInterval());
      model.addAttribute("sessionEndsAt", citizen.sessionExpiry().toString());
    }

    String flag = request.getParameter(DigidMessages.FLAG_PARAMETER);
    if (DigidMessages.FLAG_CANCELLED.equals(flag)) {
      model.addAttribute("digidNotice", "digid.cancelled");
    } else if (DigidMessages.FLAG_LOGGED_OUT.equals(flag) && citizen == null) {
      model.addAttribute("digidNotice", "digid.loggedOut");
    }
  }

  static AuthenticatedCitizen citizen() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof AuthenticatedCitizen c ? c : null;
  }
}
