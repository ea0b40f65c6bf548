package nl.noodrem.digid.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.DigidMessages;
import nl.noodrem.digid.ReturnPaths;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Step-up: a citizen logged in at a lower level than the path requires is sent to DigiD again at the
 * required level, never shown a bare 403.
 *
 * <ul>
 *   <li>a page (HTML) request is redirected to {@code /digid/login?returnTo=<this page>&level=<required>}
 *       (a POST returns to the start page: its body cannot be replayed);
 *   <li>an API request (JSON, XHR) gets 401 with {@code WWW-Authenticate: DigiD
 *       error="insufficient_user_authentication", level="<required>", login="<login URL>"} (after RFC 9470's
 *       step-up challenge), so the page's script can send the citizen there;
 *   <li>a page request that carries {@code ?digid=geannuleerd} (the citizen just cancelled the step-up) goes
 *       to the cancel landing page instead of straight back to DigiD.
 * </ul>
 *
 * Any other denial (the level suffices, something else is missing) is a 403.
 */
public final class DigidAccessDeniedHandler implements AccessDeniedHandler {

  private final DigidLevelPolicy policy;
  private final String cancelLandingPath;

  public DigidAccessDeniedHandler(DigidLevelPolicy policy) {
    this(policy, "/");
  }

  /** @param cancelLandingPath local path (without context path) shown after a cancelled step-up */
  public DigidAccessDeniedHandler(DigidLevelPolicy policy, String cancelLandingPath) {
    this.policy = policy;
    this.cancelLandingPath = ReturnPaths.sanitize(cancelLandingPath, "/");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
    Authentication authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
    Optional<DigidLevel> required = policy.levelForPath(DigidAuthenticationEntryPoint.pathWithinApplication(request));
    if (!(authentication instanceof DigidAuthentication digid) || required.isEmpty() || digid.citizen().level().isAtLeast(required.get())) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String login = DigidAuthenticationEntryPoint.loginUrl(request, required.get());
    if (!DigidAuthenticationEntryPoint.wantsHtml(request)) {
      response.setHeader(
          "WWW-Authenticate",
          "DigiD error=\"insufficient_user_authentication\", level=\"" + required.get().name() + "\", login=\"" + login + "\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    if (DigidMessages.FLAG_CANCELLED.equals(request.getParameter(DigidMessages.FLAG_PARAMETER))) {
      response.sendRedirect(
          ReturnPaths.withFlag(request.getContextPath() + cancelLandingPath, DigidMessages.FLAG_PARAMETER, DigidMessages.FLAG_CANCELLED));
      return;
    }
    response.sendRedirect(login);
  }
}
