package nl.noodrem.digid;

/** How the signed AuthnRequest travels to the IdP. DigiD accepts both; the answer always comes as an artifact. */
public enum AuthnRequestBinding {
  /** Query-string signature (SigAlg, Signature) on a 302 redirect. */
  REDIRECT,
  /** Enveloped XML signature in an auto-submitted form. */
  POST
}
