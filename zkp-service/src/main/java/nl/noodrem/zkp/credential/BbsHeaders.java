package nl.noodrem.zkp.credential;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import nl.noodrem.zkp.keys.IssuerKeyId;

/**
 * The BBS header and presentation header of this credential format (README, "Headers").
 *
 * <pre>
 * header = "noodrem-bbs-credential/1" || I2OSP(len(schemaId), 1) || schemaId || I2OSP(version, 4)
 *          || schemaSha256 (32) || I2OSP(len(keyId), 1) || keyId
 * ph     = "noodrem-bbs-presentation/1" || I2OSP(len(nonce), 1) || nonce
 *          || I2OSP(len(audience), 2) || audience || I2OSP(createdAt seconds since epoch, 8)
 * </pre>
 *
 * <p>Strings are UTF-8 (schema and key ids are ASCII). The header binds every signature to one schema document
 * and one issuer key; the presentation header binds every proof to the verifier's nonce, its audience and the
 * moment the holder made it, so a proof cannot be replayed elsewhere or later.
 */
public final class BbsHeaders {

  public static final String HEADER_TAG = "noodrem-bbs-credential/1";
  public static final String PRESENTATION_HEADER_TAG = "noodrem-bbs-presentation/1";

  private BbsHeaders() {}

  public static byte[] credentialHeader(SchemaRef schema, IssuerKeyId keyId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HEADER_TAG.getBytes(StandardCharsets.US_ASCII));
    byte[] id = schema.id().getBytes(StandardCharsets.UTF_8);
    out.write(id.length);
    out.writeBytes(id);
    writeInt(out, schema.version(), 4);
    out.writeBytes(schema.documentHash());
    byte[] key = keyId.value().getBytes(StandardCharsets.US_ASCII);
    out.write(key.length);
    out.writeBytes(key);
    return out.toByteArray();
  }

  public static byte[] presentationHeader(byte[] nonce, String audience, Instant createdAt) {
    if (nonce.length > 255) {
      throw new IllegalArgumentException("nonce longer than 255 octets");
    }
    byte[] aud = audience.getBytes(StandardCharsets.UTF_8);
    if (aud.length > 65535) {
      throw new IllegalArgumentException("audience too long");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PRESENTATION_HEADER_TAG.getBytes(StandardCharsets.US_ASCII));
    out.write(nonce.length);
    out.writeBytes(nonce);
    writeInt(out, aud.length, 2);
    out.writeBytes(aud);
    writeInt(out, createdAt.getEpochSecond(), 8);
    return out.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream out, long value, int length) {
    for (int i = length - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)));
    }
  }
}
