package nl.noodrem.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API clients by the {@code X-Api-Key} header. The key's SHA-256 is compared in constant time with
 * every configured client's, so timing tells nothing about which client or how much of a key matched.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Api-Key";

  private final ApiProperties properties;

  ApiKeyAuthenticationFilter(ApiProperties properties) {
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (key != null && !key.isBlank()) {
      byte[] presented = sha256(key.strip());
      String matched = null;
      ApiProperties.Client matchedClient = null;
      for (Map.Entry<String, ApiProperties.Client> client : properties.clients().entrySet()) {
        byte[] expected = HexFormat.of().parseHex(client.getValue().keySha256());
        if (MessageDigest.isEqual(presented, expected) && matched == null) {
          matched = client.getKey();
          matchedClient = client.getValue();
        }
      }
      if (matched != null) {
        var authentication = new UsernamePasswordAuthenticationToken(
            new ApiClient(matched, matchedClient.organisationOin(), matchedClient.role()), null,
            List.of(new SimpleGrantedAuthority("ROLE_API_" + matchedClient.role().name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
      }
    }
    chain.doFilter(request, response);
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The authenticated client. */
  public record ApiClient(String id, String organisationOin, ApiProperties.Role role) {}
}
