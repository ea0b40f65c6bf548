package nl.noodrem.app.adapters;

import java.util.Base64;
import nl.noodrem.processes.port.PresentationRequest;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;

/**
 * Turns the brake's presentation request (nonce, audience, window) into the wallet's format
 * ({@code noodrem-bbs-presentation-request/1}), asking for exactly the attributes CJIB needs.
 */
public final class WalletRequests {

  private WalletRequests() {}

  public static nl.noodrem.zkp.credential.PresentationRequest toZkp(PresentationRequest request) {
    byte[] nonce;
    try {
      nonce = Base64.getUrlDecoder().decode(request.nonce());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the brake's nonce is not base64url", e);
    }
    return new nl.noodrem.zkp.credential.PresentationRequest(DebtAssistanceCredentialV1.SCHEMA.ref(),
        request.disclosedAttributes(), nonce, request.audience(), request.issuedAt(), request.expiresAt());
  }

  /** The JSON document the citizen's wallet answers. */
  public static String toWalletJson(PresentationRequest request) {
    return toZkp(request).toJson();
  }
}
