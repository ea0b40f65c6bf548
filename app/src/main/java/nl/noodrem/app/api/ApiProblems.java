package nl.noodrem.app.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every API error as RFC 9457 problem+json, with a Dutch title and detail. */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems {

  static final class NotFound extends RuntimeException {
    NotFound(String what) {
      super("Niet gevonden: " + what);
    }
  }

  static final class BadRequest extends RuntimeException {
    BadRequest(String detail) {
      super(detail);
    }
  }

  @ExceptionHandler(NotFound.class)
  ProblemDetail notFound(NotFound e) {
    return problem(HttpStatus.NOT_FOUND, "Niet gevonden", e.getMessage());
  }

  @ExceptionHandler({BadRequest.class, MethodArgumentTypeMismatchException.class, MethodArgumentNotValidException.class,
      IllegalArgumentException.class})
  ProblemDetail badRequest(Exception e) {
    return problem(HttpStatus.BAD_REQUEST, "Ongeldig verzoek",
        e instanceof BadRequest ? e.getMessage() : "Het verzoek is niet geldig.");
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return problem;
  }
}
