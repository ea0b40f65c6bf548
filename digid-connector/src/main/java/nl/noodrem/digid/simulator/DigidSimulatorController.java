package nl.noodrem.digid.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.Html;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * DEV ONLY. The simulator's pages: the SSO endpoint (HTTP-Redirect GET and HTTP-POST) that shows a login
 * page where a tester picks a test BSN and a level or cancels, the single-logout endpoint (HTTP-Redirect),
 * a page listing the DigiD sessions with a button that logs one out over the SOAP back channel, and the IdP
 * metadata URL.
 */
@Controller
public class DigidSimulatorController {

  private final DigidSimulator simulator;

  public DigidSimulatorController(DigidSimulator simulator) {
    this.simulator = simulator;
  }

  @GetMapping(DigidSimulator.LOGIN_PATH)
  public void loginRedirectBinding(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      page(request, response, simulator.idp().receiveRedirect(request.getQueryString()));
    } catch (DigidSimulatorIdp.SimulatorException e) {
      error(response, e.getMessage());
    }
  }

  @PostMapping(DigidSimulator.LOGIN_PATH)
  public void loginPostBinding(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String samlRequest = request.getParameter("SAMLRequest");
    if (samlRequest == null) {
      error(response, "SAMLRequest ontbreekt");
      return;
    }
    try {
      page(request, response, simulator.idp().receivePost(samlRequest, request.getParameter("RelayState")));
    } catch (DigidSimulatorIdp.SimulatorException e) {
      error(response, e.getMessage());
    }
  }

  @PostMapping(DigidSimulator.LOGIN_PATH + "/complete")
  public void complete(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String key = request.getParameter("login");
    try {
      String target;
      if ("cancel".equals(request.getParameter("action"))) {
        target = simulator.idp().cancel(key);
      } else {
        DigidLevel level = DigidLevel.fromName(request.getParameter("level")).orElse(DigidLevel.SUBSTANTIEEL);
        String bsn = request.getParameter("bsn") == null ? null : request.getParameter("bsn").trim();
        target = simulator.idp().authenticate(key, bsn, level);
      }
      response.setHeader("Cache-Control", "no-store");
      response.sendRedirect(target);
    } catch (DigidSimulatorIdp.SimulatorException e) {
      error(response, e.getMessage());
    }
  }

  /** The SP's LogoutRequest (HTTP-Redirect): the session ends, the signed LogoutResponse goes back by redirect. */
  @GetMapping(DigidSimulator.LOGOUT_PATH)
  public void logoutRedirectBinding(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      String target = simulator.idp().receiveLogoutRedirect(request.getQueryString());
      response.setHeader("Cache-Control", "no-store");
      response.sendRedirect(target);
    } catch (DigidSimulatorIdp.SimulatorException e) {
      error(response, e.getMessage());
    }
  }

  /** The sessions the simulator handed out, each with a button for an IdP-initiated (back-channel) logout. */
  @GetMapping(DigidSimulator.SESSIONS_PATH)
  public void sessions(HttpServletRequest request, HttpServletResponse response) throws IOException {
    sessionsPage(request, response, null);
  }

  @PostMapping(DigidSimulator.SESSIONS_PATH + "/uitloggen")
  public void backChannelLogout(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      DigidSimulatorIdp.BackChannelOutcome outcome = simulator.idp().backChannelLogout(request.getParameter("session"));
      sessionsPage(request, response, "Uitgelogd via het SOAP-terugkanaal; de SP antwoordde HTTP " + outcome.httpStatus() + ", "
          + outcome.statusCode());
    } catch (DigidSimulatorIdp.SimulatorException e) {
      error(response, e.getMessage());
    }
  }

  private void sessionsPage(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
    StringBuilder html = new StringBuilder(2048);
    html.append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>DigiD simulator: sessies</title></head><body>")
        .append("<p><strong>DigiD SIMULATOR - ALLEEN VOOR ONTWIKKELING.</strong> Dit is niet DigiD.</p><h1>DigiD-sessies</h1>");
    if (message != null) {
      html.append("<p id=\"outcome\">").append(Html.escape(message)).append("</p>");
    }
    html.append("<table><thead><tr><th>NameID</th><th>Niveau</th><th>Sinds</th><th></th></tr></thead><tbody>");
    for (DigidSimulatorIdp.IdpSession session : simulator.idp().sessions()) {
      html.append("<tr><td>").append(Html.escape(session.maskedNameId())).append("</td><td>").append(session.level())
          .append("</td><td>").append(session.createdAt()).append("</td><td><form method=\"post\" action=\"")
          .append(Html.escape(request.getContextPath() + DigidSimulator.SESSIONS_PATH + "/uitloggen")).append("\">")
          .append("<input type=\"hidden\" name=\"session\" value=\"").append(Html.escape(session.sessionIndex())).append("\">");
      csrfInput(request, html);
      html.append("<button type=\"submit\">Uitloggen (door DigiD)</button></form></td></tr>");
    }
    html.append("</tbody></table></body></html>");
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(html.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void csrfInput(HttpServletRequest request, StringBuilder html) {
    Object csrf = request.getAttribute(CsrfToken.class.getName());
    if (csrf instanceof CsrfToken token) {
      html.append("<input type=\"hidden\" name=\"").append(Html.escape(token.getParameterName())).append("\" value=\"")
          .append(Html.escape(token.getToken())).append("\">");
    }
  }

  @GetMapping(DigidSimulator.METADATA_PATH)
  public void metadata(HttpServletResponse response) throws IOException {
    response.setContentType("application/samlmetadata+xml");
    response.getOutputStream().write(simulator.metadata());
  }

  private void page(HttpServletRequest request, HttpServletResponse response, DigidSimulatorIdp.PendingLogin login) throws IOException {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>DigiD simulator (alleen ontwikkeling)</title>")
        .append("<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}.dev{background:#c00;color:#fff;padding:.5em}")
        .append("label{display:block;margin:.5em 0}</style></head><body>")
        .append("<p class=\"dev\"><strong>DigiD SIMULATOR - ALLEEN VOOR ONTWIKKELING.</strong> Dit is niet DigiD.</p>")
        .append("<h1>Inloggen bij ").append(Html.escape(login.spEntityId())).append("</h1>")
        .append("<p>Gevraagd niveau: <strong id=\"requested-level\">").append(login.requestedLevel()).append("</strong></p>")
        .append("<p>ForceAuthn: <strong id=\"force-authn\">").append(login.forceAuthn()).append("</strong></p>")
        .append("<form method=\"post\" action=\"").append(Html.escape(request.getContextPath() + DigidSimulator.LOGIN_PATH + "/complete")).append("\">")
        .append("<input type=\"hidden\" name=\"login\" value=\"").append(Html.escape(login.key())).append("\">");
    csrfInput(request, html);
    html.append("<label for=\"bsn\">BSN (kies een test-BSN of typ er een)</label>")
        .append("<input id=\"bsn\" name=\"bsn\" list=\"test-bsns\" inputmode=\"numeric\" autocomplete=\"off\" value=\"")
        .append(Html.escape(simulator.testBsns().isEmpty() ? "" : simulator.testBsns().get(0))).append("\">")
        .append("<datalist id=\"test-bsns\">");
    for (String bsn : simulator.testBsns()) {
      html.append("<option value=\"").append(Html.escape(bsn)).append("\">");
    }
    html.append("</datalist><p>Test-BSN's (11-proef geldig): <span id=\"test-bsn-list\">")
        .append(Html.escape(String.join(", ", simulator.testBsns()))).append("</span></p>")
        .append("<label for=\"level\">Betrouwbaarheidsniveau</label><select id=\"level\" name=\"level\">");
    for (DigidLevel level : DigidLevel.values()) {
      html.append("<option value=\"").append(level.name()).append('"').append(level == login.requestedLevel() ? " selected" : "")
          .append('>').append(level.name()).append("</option>");
    }
    html.append("</select><p><button type=\"submit\" id=\"login\" name=\"action\" value=\"login\">Inloggen</button> ")
        .append("<button type=\"submit\" id=\"cancel\" name=\"action\" value=\"cancel\">Annuleren</button></p></form></body></html>");
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(html.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void error(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("text/html;charset=UTF-8");
    String html =
        "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>DigiD simulator: fout</title></head><body>"
            + "<p><strong>DigiD SIMULATOR - ALLEEN VOOR ONTWIKKELING.</strong></p><h1>Verzoek afgewezen</h1><p id=\"simulator-error\">"
            + Html.escape(message) + "</p></body></html>";
    response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
  }
}
