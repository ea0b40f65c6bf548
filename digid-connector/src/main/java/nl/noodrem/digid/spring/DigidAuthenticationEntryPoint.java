package nl.noodrem.digid.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.DigidMessages;
import nl.noodrem.digid.ReturnPaths;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends an unauthenticated visitor of a protected page to {@code /digid/login?returnTo=<that page>}, with
 * the level configured for the path; API and script requests get 401 instead of a redirect. A request
 * carrying {@code ?digid=geannuleerd} goes to the cancel landing page instead of to DigiD again.
 */
public final class DigidAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final DigidLevelPolicy policy;
  private final String cancelLandingPath;

  /**
   * @param cancelLandingPath local path (without context path) shown after a cancel when the page where
   *     the login started is itself protected
   */
  public DigidAuthenticationEntryPoint(DigidLevelPolicy policy, String cancelLandingPath) {
    this.policy = policy;
    this.cancelLandingPath = ReturnPaths.sanitize(cancelLandingPath, "/");
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
      throws IOException {
    if (!wantsHtml(request)) {
      response.setHeader("WWW-Authenticate", "DigiD");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    if (DigidMessages.FLAG_CANCELLED.equals(request.getParameter(DigidMessages.FLAG_PARAMETER))) {
      // the citizen just cancelled at DigiD: do not send them straight back there
      response.sendRedirect(
          ReturnPaths.withFlag(request.getContextPath() + cancelLandingPath, DigidMessages.FLAG_PARAMETER, DigidMessages.FLAG_CANCELLED));
      return;
    }
    response.sendRedirect(loginUrl(request, policy.levelForPath(pathWithinApplication(request)).orElse(null)));
  }

  /** {@code <context>/digid/login?returnTo=...[&level=...]} for the current request. */
  static String loginUrl(HttpServletRequest request, DigidLevel level) {
    String context = request.getContextPath();
    String returnTo = "GET".equals(request.getMethod()) ? request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : context + "/";
    returnTo = ReturnPaths.sanitize(returnTo, context + "/");
    StringBuilder url = new StringBuilder(context).append("/digid/login?returnTo=").append(URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
    if (level != null) {
      url.append("&level=").append(level.name());
    }
    return url.toString();
  }

  static String pathWithinApplication(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }

  static boolean wantsHtml(HttpServletRequest request) {
    if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      return false;
    }
    String accept = request.getHeader("Accept");
    return accept == null || accept.contains("text/html") || accept.contains("*/*") && !accept.contains("application/json");
  }
}
