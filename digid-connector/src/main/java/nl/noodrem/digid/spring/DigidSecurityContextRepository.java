package nl.noodrem.digid.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import nl.noodrem.digid.AuthenticatedCitizen;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Keeps the security context in the HTTP session (the idle timeout is the session's), and ends a DigiD
 * session whose absolute expiry has passed or whose DigiD session a single logout ended (the IdP's back
 * channel may have reached another node): the session is invalidated and the request is anonymous.
 * The app's SecurityFilterChain must use this bean ({@code http.securityContext(c ->
 * c.securityContextRepository(repo))}); the ACS saves into it.
 */
public final class DigidSecurityContextRepository implements SecurityContextRepository {

  // as Spring Security's default: the request attribute keeps the context for error and async dispatches
  private final DelegatingSecurityContextRepository delegate =
      new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
  private final Clock clock;
  private final Predicate<AuthenticatedCitizen> ended;

  /** Without single logout: only the absolute expiry ends a session. */
  public DigidSecurityContextRepository(Clock clock) {
    this(clock, citizen -> false);
  }

  /**
   * @param ended true for a citizen whose DigiD session was ended by a single logout ({@link
   *     nl.noodrem.digid.DigidSingleLogout#isEnded}); an exception from it fails the request
   */
  public DigidSecurityContextRepository(Clock clock, Predicate<AuthenticatedCitizen> ended) {
    this.clock = clock;
    this.ended = ended;
  }

  @Override
  public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
    DeferredSecurityContext loaded = delegate.loadDeferredContext(request);
    return new DeferredSecurityContext() {
      private SecurityContext resolved;
      private boolean generated;

      @Override
      public SecurityContext get() {
        if (resolved == null) {
          SecurityContext context = loaded.get();
          generated = loaded.isGenerated();
          if (isExpired(context.getAuthentication())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
              session.invalidate();
            }
            context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            generated = true;
          }
          resolved = context;
        }
        return resolved;
      }

      @Override
      public boolean isGenerated() {
        get();
        return generated;
      }
    };
  }

  @Override
  @Deprecated
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    Supplier<SecurityContext> supplier = loadDeferredContext(holder.getRequest());
    return supplier.get();
  }

  @Override
  public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    delegate.saveContext(context, request, response);
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    return delegate.containsContext(request);
  }

  private boolean isExpired(Authentication authentication) {
    return authentication instanceof DigidAuthentication digid
        && (!digid.citizen().isValidAt(clock.instant()) || ended.test(digid.citizen()));
  }
}
