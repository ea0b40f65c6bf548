package nl.noodrem.processes.port;

/**
 * Why a presented proof is refused, with the text the citizen reads. The adapter to zkp-service maps that module's
 * rejection reasons onto these; {@link #OTHER_CITIZEN}, {@link #EXPIRED} and {@link #REVOKED} are also decided by
 * the brake itself.
 */
public enum ProofRejection {
  MALFORMED("Het bewijs kon niet worden gelezen.", "The proof could not be read."),
  FORGED("Het bewijs is niet echt: de handtekening klopt niet.", "The proof is not genuine: its signature does not verify."),
  ISSUER_UNKNOWN("Het bewijs komt niet van een bekende gemeente.", "The proof does not come from a known municipality."),
  ISSUER_NOT_ACCREDITED("De gemeente die het bewijs gaf is (nu) niet erkend.",
      "The municipality that issued the proof is not (or no longer) accredited."),
  ISSUER_KEY_NOT_VALID("De sleutel waarmee de gemeente tekende is niet geldig.",
      "The key the municipality signed with is not valid."),
  SCHEMA_UNKNOWN("Dit soort bewijs kennen wij niet.", "We do not know this kind of proof."),
  REPLAYED("Dit bewijs is al eens gebruikt of is te oud. Maak een nieuw bewijs.",
      "This proof was used before or is too old. Please make a new proof."),
  WRONG_AUDIENCE("Dit bewijs is voor een andere organisatie gemaakt.", "This proof was made for another organisation."),
  DISCLOSURE_MISMATCH("Het bewijs toont andere gegevens dan gevraagd.", "The proof shows other data than requested."),
  EXPIRED("Uw bewijs van schuldhulp is verlopen. Vraag uw gemeente om een nieuw bewijs.",
      "Your proof of debt help has expired. Ask your municipality for a new one."),
  REVOKED("Uw bewijs van schuldhulp is ingetrokken door uw gemeente.",
      "Your municipality has withdrawn your proof of debt help."),
  OTHER_CITIZEN("Dit bewijs hoort bij een ander burgerservicenummer dan waarmee u bent ingelogd.",
      "This proof belongs to a different citizen service number than the one you logged in with.");

  private final String dutchText;
  private final String englishText;

  ProofRejection(String dutchText, String englishText) {
    this.dutchText = dutchText;
    this.englishText = englishText;
  }

  public String dutchText() {
    return dutchText;
  }

  public String englishText() {
    return englishText;
  }
}
