package nl.noodrem.digid.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import nl.noodrem.digid.DigidLevel;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Step-up: a citizen logged in at a lower level than the path requires is sent to DigiD again at the
 * required level; any other denial is a 403.
 */
public final class DigidAccessDeniedHandler implements AccessDeniedHandler {

  private final DigidLevelPolicy policy;

  public DigidAccessDeniedHandler(DigidLevelPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
    Authentication authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
    Optional<DigidLevel> required = policy.levelForPath(DigidAuthenticationEntryPoint.pathWithinApplication(request));
    if (authentication instanceof DigidAuthentication digid
        && required.isPresent()
        && !digid.citizen().level().isAtLeast(required.get())
        && "GET".equals(request.getMethod())) {
      response.sendRedirect(DigidAuthenticationEntryPoint.loginUrl(request, required.get()));
      return;
    }
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }
}
