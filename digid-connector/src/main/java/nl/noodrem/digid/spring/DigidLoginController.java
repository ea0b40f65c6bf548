package nl.noodrem.digid.spring;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.DigidMessages;
import nl.noodrem.digid.DigidServiceProvider;
import nl.noodrem.digid.DigidSingleLogout;
import nl.noodrem.digid.Html;
import nl.noodrem.digid.LoginOutcome;
import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.ReturnPaths;
import nl.noodrem.digid.saml.Soap11;
import nl.noodrem.digid.store.StoreFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code GET /digid/login}, {@code GET /digid/acs}, {@code POST /digid/logout}, {@code GET /digid/slo},
 * {@code POST /digid/slo/soap}: the web side of {@link
 * DigidServiceProvider}. It sets the browser-binding cookie, turns a successful login into a fresh HTTP
 * session (new ID against session fixation, idle timeout set) holding a {@link DigidAuthentication}, sends
 * a cancel back to where the login started with {@code ?digid=geannuleerd}, and on any other failure ends
 * the local session and shows Logius' text.
 */
@Controller
public class DigidLoginController {

  private static final Logger LOG = LoggerFactory.getLogger(DigidLoginController.class);

  private static final int MAX_SOAP_BYTES = 256 * 1024;

  private final DigidServiceProvider serviceProvider;
  private final DigidSingleLogout singleLogout;
  private final DigidLevelPolicy levels;
  private final DigidSecurityContextRepository contextRepository;
  private final DigidErrorPage errorPage;
  private final DigidProperties properties;
  private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

  public DigidLoginController(
      DigidServiceProvider serviceProvider,
      DigidSingleLogout singleLogout,
      DigidLevelPolicy levels,
      DigidSecurityContextRepository contextRepository,
      DigidErrorPage errorPage,
      DigidProperties properties) {
    this.serviceProvider = serviceProvider;
    this.singleLogout = singleLogout;
    this.levels = levels;
    this.contextRepository = contextRepository;
    this.errorPage = errorPage;
    this.properties = properties;
  }

  @GetMapping("/digid/login")
  public void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String fallback = request.getContextPath() + "/";
    String returnTo = ReturnPaths.sanitize(single(request, "returnTo"), fallback);
    // the requested level only raises the return path's minimum, never lowers it
    String context = request.getContextPath();
    String returnPath = !context.isEmpty() && returnTo.startsWith(context) ? returnTo.substring(context.length()) : returnTo;
    DigidLevel level = levels.levelForLogin(single(request, "level"), returnPath);
    DigidServiceProvider.LoginStart start;
    try {
      start = serviceProvider.startLogin(returnTo, level, bindingCookie(request));
    } catch (DigidLoginException e) {
      LOG.warn("DigiD login could not start: reason={} incident={} detail={}", e.reason(), e.incidentId(), e.detail());
      errorPage.render(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.incidentId());
      return;
    } catch (StoreFullException e) {
      DigidLoginException refused = new DigidLoginException(RejectionReason.INTERNAL_ERROR, e.getMessage());
      LOG.warn("DigiD login refused: pending-request store full, incident={}", refused.incidentId());
      errorPage.render(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, refused.incidentId());
      return;
    }
    setBindingCookie(request, response, start.browserBindingToken());
    response.setHeader("Cache-Control", "no-store");
    if (start instanceof DigidServiceProvider.RedirectTo redirect) {
      response.sendRedirect(redirect.url());
    } else if (start instanceof DigidServiceProvider.PostForm form) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("text/html;charset=UTF-8");
      response.setHeader("Content-Security-Policy", form.page().contentSecurityPolicy());
      response.getOutputStream().write(form.page().html().getBytes(StandardCharsets.UTF_8));
    }
  }

  @GetMapping("/digid/acs")
  public void assertionConsumerService(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    LoginOutcome outcome;
    try {
      outcome = serviceProvider.completeLogin(single(request, "SAMLart"), single(request, "RelayState"), bindingCookie(request));
    } catch (DigidLoginException e) {
      endLocalSession(request);
      errorPage.render(request, response, statusFor(e.reason()), e.incidentId());
      return;
    }
    if (outcome instanceof LoginOutcome.Authenticated authenticated) {
      HttpSession old = request.getSession(false);
      if (old != null) {
        old.invalidate(); // a new session ID for the authenticated state (session fixation)
      }
      HttpSession session = request.getSession(true);
      session.setMaxInactiveInterval(seconds(properties.session().idleTimeout()));
      SecurityContext context = contextHolder.createEmptyContext();
      context.setAuthentication(new DigidAuthentication(authenticated.citizen()));
      contextHolder.setContext(context);
      contextRepository.saveContext(context, request, response);
      response.sendRedirect(authenticated.returnTo());
    } else {
      response.sendRedirect(ReturnPaths.withFlag(outcome.returnTo(), DigidMessages.FLAG_PARAMETER, DigidMessages.FLAG_CANCELLED));
    }
  }

  /**
   * Ends the local session at once, then (single logout on, and the IdP offers it) sends the browser to the
   * IdP with a signed LogoutRequest, by a page that refreshes to it at once; the answer arrives at {@code GET
   * /digid/slo}.
   */
  @PostMapping("/digid/logout")
  public void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Authentication authentication = contextHolder.getContext().getAuthentication();
    endLocalSession(request);
    response.setHeader("Cache-Control", "no-store");
    if (authentication instanceof DigidAuthentication digid) {
      Optional<String> idpLogout;
      try {
        idpLogout = properties.singleLogout() ? singleLogout.startLogout(digid.citizen()) : Optional.empty();
      } catch (RuntimeException e) {
        // the local session is gone whatever happens; the citizen must not see a failure for that
        LOG.warn("DigiD single logout could not start, the logout stays local: {}", e.toString());
        idpLogout = Optional.empty();
      }
      if (idpLogout.isPresent()) {
        // a page that moves on by itself rather than a redirect: the logout form's own page may allow only
        // form-action 'self', and browsers check form-action on every redirect after a form submission
        String url = Html.escape(idpLogout.get());
        String html = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
            + "<meta http-equiv=\"refresh\" content=\"0;url=" + url + "\"><title>Uitloggen bij DigiD</title></head><body>"
            + "<p>" + Html.escape(DigidMessages.LOGGED_OUT) + " <a id=\"digid-logout\" href=\"" + url
            + "\">Uitloggen bij DigiD afronden</a></p></body></html>";
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", "default-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    response.sendRedirect(loggedOutPage(request));
  }

  /**
   * The SingleLogoutService for the HTTP-Redirect binding: the IdP's LogoutResponse to our LogoutRequest.
   * The local session already ended; a refused answer shows Logius' text (DigiD's session may still run).
   */
  @GetMapping("/digid/slo")
  public void singleLogoutRedirect(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    try {
      singleLogout.completeLogout(request.getQueryString());
    } catch (DigidLoginException e) {
      errorPage.render(request, response, statusFor(e.reason()), e.incidentId());
      return;
    }
    response.sendRedirect(loggedOutPage(request));
  }

  /**
   * The SingleLogoutService for the SOAP binding: the IdP's back channel ends a DigiD session here. The
   * request is authenticated by its signature (the IdP's metadata key), not by a session or CSRF token.
   */
  @PostMapping("/digid/slo/soap")
  public void singleLogoutSoap(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_SOAP_BYTES + 1);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/xml;charset=UTF-8");
    try {
      if (body.length > MAX_SOAP_BYTES) {
        throw new DigidLoginException(RejectionReason.BODY_TOO_LARGE, "more than " + MAX_SOAP_BYTES + " bytes");
      }
      byte[] answer = singleLogout.backChannelLogout(body);
      response.setStatus(HttpServletResponse.SC_OK);
      response.getOutputStream().write(answer);
    } catch (DigidLoginException e) {
      // SOAP 1.1 reports a fault with status 500; the incident id ties it to our log line, nothing else is told
      response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      response.getOutputStream().write(soapFault("refused, incident " + e.incidentId()));
    }
  }

  private String loggedOutPage(HttpServletRequest request) {
    String target = ReturnPaths.sanitize(request.getContextPath() + properties.logoutRedirect(), request.getContextPath() + "/");
    return ReturnPaths.withFlag(target, DigidMessages.FLAG_PARAMETER, DigidMessages.FLAG_LOGGED_OUT);
  }

  private static byte[] soapFault(String reason) {
    String xml =
        "<soap11:Envelope xmlns:soap11=\"" + Soap11.NS + "\"><soap11:Body><soap11:Fault><faultcode>soap11:Client</faultcode>"
            + "<faultstring>" + Html.escape(reason) + "</faultstring></soap11:Fault></soap11:Body></soap11:Envelope>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private void endLocalSession(HttpServletRequest request) {
    contextHolder.clearContext();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  private static int statusFor(RejectionReason reason) {
    return switch (reason) {
      case IDP_METADATA_UNAVAILABLE, ARTIFACT_RESOLUTION_TRANSPORT, ARTIFACT_RESOLUTION_HTTP_STATUS -> HttpServletResponse.SC_BAD_GATEWAY;
      case INTERNAL_ERROR -> HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
      default -> HttpServletResponse.SC_BAD_REQUEST;
    };
  }

  /** The parameter when it occurs exactly once, else null (a repeated SAMLart is refused). */
  private static String single(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values != null && values.length == 1 ? values[0] : null;
  }

  private String bindingCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (properties.session().bindingCookieName().equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private void setBindingCookie(HttpServletRequest request, HttpServletResponse response, String token) {
    // SameSite=Lax: the cookie must come along on the top-level GET from DigiD back to the ACS
    ResponseCookie cookie =
        ResponseCookie.from(properties.session().bindingCookieName(), token)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .path(request.getContextPath() + "/digid/")
            .maxAge(properties.requestLifetime())
            .build();
    response.addHeader("Set-Cookie", cookie.toString());
  }

  private static int seconds(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toSeconds());
  }
}
