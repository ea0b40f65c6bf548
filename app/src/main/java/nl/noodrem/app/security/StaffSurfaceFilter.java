package nl.noodrem.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.IntSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the staff surfaces and the citizen surfaces on their own connectors: a staff path reached on the citizen
 * connector, or any other path reached on the staff connector, is answered 404 before anything else runs, exactly
 * like a path that does not exist. Which connector a request came in on is the local port of its socket, which no
 * header can change.
 */
public final class StaffSurfaceFilter extends OncePerRequestFilter {

  /** The staff surfaces: Camunda's webapps and their API, the engine's REST API, the operator API. */
  public static final List<String> STAFF_PREFIXES = List.of("/camunda/", "/engine-rest/", "/api/v1/beheer/");

  private final IntSupplier staffPort;

  /** @param staffPort the staff connector's local port once it listens */
  public StaffSurfaceFilter(IntSupplier staffPort) {
    this.staffPort = staffPort;
  }

  public static boolean isStaffPath(String pathWithinApplication) {
    String path = pathWithinApplication.endsWith("/") ? pathWithinApplication : pathWithinApplication + "/";
    return STAFF_PREFIXES.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean onStaffConnector = request.getLocalPort() == staffPort.getAsInt();
    boolean staffPath = isStaffPath(request.getRequestURI().substring(request.getContextPath().length()));
    if (onStaffConnector != staffPath) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    chain.doFilter(request, response);
  }
}
