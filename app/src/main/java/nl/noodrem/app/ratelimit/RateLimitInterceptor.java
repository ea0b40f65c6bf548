package nl.noodrem.app.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts one kind of request against its caller's bucket before the handler runs, after authentication (so only
 * the authenticated caller's own requests count: nobody can use up someone else's allowance). A refused request
 * is answered {@code 429} as RFC 9457 problem+json with {@code Retry-After} in seconds and reaches no handler.
 */
final class RateLimitInterceptor implements HandlerInterceptor {

  private final String what;
  private final RateLimiter limiter;
  private final Function<Authentication, Optional<String>> callerKey;
  private final boolean postOnly;
  private final ObjectMapper json;

  /**
   * @param what the action in Dutch and English, for the refusal ("aanvragen van een bewijs / credential requests")
   * @param callerKey the bucket of the authenticated caller; empty when this limit does not apply to them
   * @param postOnly count only POST requests (the actions, not the pages that show them)
   */
  RateLimitInterceptor(String what, RateLimiter limiter, Function<Authentication, Optional<String>> callerKey,
      boolean postOnly, ObjectMapper json) {
    this.what = what;
    this.limiter = limiter;
    this.callerKey = callerKey;
    this.postOnly = postOnly;
    this.json = json;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    if (postOnly && !"POST".equalsIgnoreCase(request.getMethod())) {
      return true;
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    Optional<String> key = authentication == null ? Optional.empty() : callerKey.apply(authentication);
    if (key.isEmpty()) {
      return true;
    }
    RateLimiter.Decision decision = limiter.tryAcquire(key.get());
    if (decision.allowed()) {
      return true;
    }
    long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Te veel verzoeken");
    problem.put("status", 429);
    problem.put("detail", "U heeft dit kort na elkaar te vaak gedaan (" + what + "). Probeer het over " + seconds
        + " seconden opnieuw.");
    problem.put("message", problem.get("detail"));
    problem.put("messageEn", "Too many requests in a short time (" + what + "). Try again in " + seconds
        + " seconds.");
    json.writeValue(response.getOutputStream(), problem);
    return false;
  }
}
