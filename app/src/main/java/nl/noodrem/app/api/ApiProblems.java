package nl.noodrem.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place where the API's errors become RFC 9457 problem+json ({@code type}, {@code title},
 * {@code status}, {@code detail}; Dutch text, as the API is Dutch): the controllers' own refusals
 * ({@link NotFound}, {@link Conflict}, {@link BadRequest}), everything Spring MVC refuses before or while calling a
 * controller (malformed JSON, a parameter of the wrong type or missing, an unknown path, a method or media type
 * the resource does not support) and anything unexpected (500, without details). The security chain's 401/403
 * and the version filter's 400 are written by {@link #write} too.
 *
 * <p>Guarantee: every response to a request under {@code /api/} that is not a success is problem+json with the
 * {@code API-Version} header. It resolves exceptions before Spring's own resolvers, and only for {@code /api/}.
 */
@Component
class ApiProblems implements HandlerExceptionResolver, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  /** The resource does not exist, or the client may not know that it does. */
  static final class NotFound extends RuntimeException {
    NotFound(String what) {
      super("Niet gevonden: " + what);
    }
  }

  /** The request is well-formed but its values are not acceptable; the message is the Dutch detail. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String detail) {
      super(detail);
    }
  }

  /** The resource exists but is not in a state that allows this; the message is the Dutch detail. */
  static final class Conflict extends RuntimeException {
    Conflict(String detail) {
      super(detail);
    }
  }

  private final ObjectMapper json;

  ApiProblems(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public int getOrder() {
    // before Spring's own resolvers (order 0), after DefaultErrorAttributes (which only records the exception)
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception ex) {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/") || response.isCommitted()) {
      return null;
    }
    ProblemDetail problem = toProblem(ex);
    if (ex instanceof ErrorResponse error) {
      error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    }
    try {
      write(response, problem);
    } catch (IOException e) {
      LOG.warn("could not write the problem response for {}", request.getRequestURI(), e);
    }
    return new ModelAndView();
  }

  /** The problem for an exception; never echoes input values. */
  static ProblemDetail toProblem(Exception ex) {
    if (ex instanceof NotFound) {
      return problem(HttpStatus.NOT_FOUND, "Niet gevonden", ex.getMessage());
    }
    if (ex instanceof Conflict) {
      return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
    }
    if (ex instanceof BadRequest) {
      return problem(HttpStatus.BAD_REQUEST, "Ongeldig verzoek", ex.getMessage());
    }
    if (ex instanceof HttpMessageNotReadableException) {
      return problem(HttpStatus.BAD_REQUEST, "Ongeldig verzoek",
          "De inhoud van het verzoek is geen geldige JSON of heeft niet de beschreven vorm.");
    }
    if (ex instanceof TypeMismatchException mismatch) {
      String name = mismatch.getPropertyName() == null ? "een parameter" : "'" + mismatch.getPropertyName() + "'";
      return problem(HttpStatus.BAD_REQUEST, "Ongeldig verzoek", "De waarde van " + name + " is niet geldig.");
    }
    if (ex instanceof MissingServletRequestParameterException missing) {
      return problem(HttpStatus.BAD_REQUEST, "Ongeldig verzoek",
          "De parameter '" + missing.getParameterName() + "' ontbreekt.");
    }
    if (ex instanceof ErrorResponse error) {
      HttpStatusCode status = error.getStatusCode();
      if (status.is4xxClientError()) {
        return problem(status, titleFor(status), detailFor(status));
      }
    }
    LOG.error("API request failed unexpectedly", ex);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Interne fout",
        "Het verzoek kon door een fout aan onze kant niet worden afgehandeld. Probeer het later opnieuw.");
  }

  private static String titleFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "Ongeldig verzoek";
      case 404 -> "Niet gevonden";
      case 405 -> "Methode niet toegestaan";
      case 406 -> "Niet aanvaardbaar";
      case 415 -> "Mediatype niet ondersteund";
      default -> "Verzoek geweigerd";
    };
  }

  private static String detailFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 404 -> "Deze resource bestaat niet.";
      case 405 -> "Deze resource ondersteunt deze HTTP-methode niet (zie de header Allow).";
      case 406 -> "Deze API antwoordt alleen met application/json of application/problem+json.";
      case 415 -> "Stuur de inhoud van het verzoek als application/json.";
      default -> "Het verzoek is niet geldig.";
    };
  }

  /** A problem with {@code type} about:blank (the status says it all), the given title and detail. */
  static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return problem;
  }

  /** Writes the problem as the whole response, with the API-Version header (for filters and the security chain). */
  void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setHeader(ApiVersion.HEADER, ApiVersion.FULL);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
