package nl.noodrem.digid.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * SAML 2.0 HTTP-Redirect binding (Bindings §3.4), written by hand because OpenSAML 3's encoder needs
 * {@code javax.servlet}: raw DEFLATE, base64, URL-encoding, and the query-string signature over
 * {@code SAMLRequest=..&RelayState=..&SigAlg=..} exactly as sent.
 */
public final class RedirectBinding {

  /** Upper bound for an inflated message, against deflate bombs. */
  public static final int MAX_INFLATED_BYTES = 64 * 1024;

  private RedirectBinding() {}

  /**
   * The URL that carries {@code messageXml} to {@code destination}, signed with RSA-SHA256.
   *
   * @param parameterName {@code SAMLRequest} or {@code SAMLResponse}
   * @param relayState may be {@code null}
   */
  public static String encode(
      String destination, String parameterName, byte[] messageXml, String relayState, PrivateKey signingKey) {
    StringBuilder query = new StringBuilder();
    query.append(parameterName).append('=').append(urlEncode(Base64.getEncoder().encodeToString(deflate(messageXml))));
    if (relayState != null) {
      query.append("&RelayState=").append(urlEncode(relayState));
    }
    query.append("&SigAlg=").append(urlEncode(SamlSigner.RSA_SHA256));
    byte[] signature = SamlSigner.signRaw(query.toString().getBytes(StandardCharsets.UTF_8), signingKey);
    query.append("&Signature=").append(urlEncode(Base64.getEncoder().encodeToString(signature)));
    return destination + (destination.contains("?") ? "&" : "?") + query;
  }

  /** A message received over HTTP-Redirect, with what is needed to check its signature. */
  public record Decoded(byte[] messageXml, String relayState, String sigAlg, byte[] signature, byte[] signedOctets) {}

  /**
   * Decodes a raw (still URL-encoded) query string. The signed octets are rebuilt from the parameters as
   * they arrived, as the binding requires, not from re-encoded values.
   *
   * @throws IllegalArgumentException when a parameter is missing, repeated or undecodable
   */
  public static Decoded decode(String rawQuery, String parameterName) {
    if (rawQuery == null) {
      throw new IllegalArgumentException("no query string");
    }
    Map<String, String> raw = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      if (raw.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("parameter repeated: " + name);
      }
    }
    String message = raw.get(parameterName);
    if (message == null) {
      throw new IllegalArgumentException("missing " + parameterName);
    }
    StringBuilder signed = new StringBuilder(parameterName).append('=').append(message);
    if (raw.containsKey("RelayState")) {
      signed.append("&RelayState=").append(raw.get("RelayState"));
    }
    String sigAlg = raw.get("SigAlg");
    String signature = raw.get("Signature");
    if (sigAlg != null) {
      signed.append("&SigAlg=").append(sigAlg);
    }
    byte[] inflated = inflate(Base64.getMimeDecoder().decode(urlDecode(message)));
    return new Decoded(
        inflated,
        raw.containsKey("RelayState") ? urlDecode(raw.get("RelayState")) : null,
        sigAlg == null ? null : urlDecode(sigAlg),
        signature == null ? null : Base64.getMimeDecoder().decode(urlDecode(signature)),
        signed.toString().getBytes(StandardCharsets.UTF_8));
  }

  static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.DEFLATED, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  static byte[] inflate(byte[] data) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException("truncated DEFLATE data");
        }
        out.write(buffer, 0, n);
        if (out.size() > MAX_INFLATED_BYTES) {
          throw new IllegalArgumentException("inflated message too large");
        }
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not DEFLATE data", e);
    } finally {
      inflater.end();
    }
  }

  static String urlEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String urlDecode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
