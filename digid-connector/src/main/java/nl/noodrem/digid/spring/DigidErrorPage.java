package nl.noodrem.digid.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.noodrem.digid.DigidMessages;
import nl.noodrem.digid.Html;

/**
 * Renders the page a citizen sees when a DigiD login fails for any reason but a cancel: Logius' fixed text
 * verbatim, plus an incident reference that matches the log line. The app may provide its own bean (in its
 * own look) as long as it shows {@link DigidMessages#ERROR} unchanged.
 */
public interface DigidErrorPage {

  void render(HttpServletRequest request, HttpServletResponse response, int status, String incidentId) throws IOException;

  /** A plain, dependency-free default. */
  static DigidErrorPage plain() {
    return (request, response, status, incidentId) -> {
      response.setStatus(status);
      response.setContentType("text/html;charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      String home = Html.escape(request.getContextPath() + "/");
      String html =
          "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Inloggen met DigiD mislukt</title></head><body>"
              + "<main><h1>Inloggen met DigiD is niet gelukt</h1>"
              + "<p id=\"digid-error\">" + Html.escape(DigidMessages.ERROR) + "</p>"
              + "<p>Referentie: <span id=\"digid-incident\">" + Html.escape(incidentId) + "</span></p>"
              + "<p><a href=\"" + home + "\">Naar de startpagina</a></p></main></body></html>";
      response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    };
  }
}
