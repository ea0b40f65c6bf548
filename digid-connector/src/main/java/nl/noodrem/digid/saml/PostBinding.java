package nl.noodrem.digid.saml;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.noodrem.digid.Html;

/**
 * SAML 2.0 HTTP-POST binding (Bindings §3.5), written by hand: an auto-submitting HTML form that carries
 * the base64 of an XML message signed with an enveloped signature.
 *
 * <p>The page runs one inline script, allowed by a per-response CSP nonce; without JavaScript the citizen
 * presses the button.
 */
public final class PostBinding {

  private PostBinding() {}

  /** A ready HTML page and the Content-Security-Policy header that must be sent with it. */
  public record Page(String html, String contentSecurityPolicy) {}

  /**
   * @param parameterName {@code SAMLRequest} or {@code SAMLResponse}
   * @param relayState may be {@code null}
   * @param scriptNonce a fresh random value per response (base64 characters only)
   */
  public static Page encode(String destination, String parameterName, byte[] signedXml, String relayState, String scriptNonce) {
    String action = Html.escape(destination);
    String message = Base64.getEncoder().encodeToString(signedXml);
    StringBuilder html = new StringBuilder(512 + message.length());
    html.append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>DigiD</title></head>")
        .append("<body><form method=\"post\" action=\"").append(action).append("\">")
        .append("<input type=\"hidden\" name=\"").append(parameterName).append("\" value=\"").append(message).append("\">");
    if (relayState != null) {
      html.append("<input type=\"hidden\" name=\"RelayState\" value=\"").append(Html.escape(relayState)).append("\">");
    }
    html.append("<noscript><p>Uw browser voert geen JavaScript uit. Druk op de knop om verder te gaan.</p></noscript>")
        .append("<button type=\"submit\">Verder naar DigiD</button></form>")
        .append("<script nonce=\"").append(scriptNonce).append("\">document.forms[0].submit();</script>")
        .append("</body></html>");
    String csp = "default-src 'none'; script-src 'nonce-" + scriptNonce + "'; form-action " + formActionSource(destination)
        + "; base-uri 'none'; frame-ancestors 'none'";
    return new Page(html.toString(), csp);
  }

  /** Decodes a base64 form parameter into XML bytes. */
  public static byte[] decode(String base64) {
    return Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
  }

  private static String formActionSource(String destination) {
    // CSP source expressions may not contain ';' or ',' or whitespace: the origin is enough and safe
    java.net.URI uri = java.net.URI.create(destination);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
