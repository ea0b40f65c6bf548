package nl.noodrem.processes.port;

/**
 * Verifies a citizen's presentation of a DebtAssistanceCredential (BBS, zkp-service) against the request CJIB made.
 * Implemented by an adapter to zkp-service and besu-network.
 *
 * <p><b>Guarantee:</b> {@link Verification.Accepted} only when the proof verifies under the issuer's key as
 * registered on chain, the issuer is accredited, the schema is registered, the presentation is bound to
 * {@code request}'s nonce and audience and made within its time window, and exactly the requested attributes are
 * disclosed. The status bit and the BSN are checked by the brake itself.
 *
 * <p><b>Failure:</b> a presentation that is wrong in any way is a {@link Verification.Rejected}, never an
 * exception; {@link PortUnavailableException} only when the verifier cannot decide now (chain unreachable), in
 * which case the citizen is asked to try again and nothing is stored.
 */
public interface PresentationVerifier {

  /**
   * @param presentationJson the wallet's presentation as received; contains the BSN in clear, so implementations
   *     never log or keep it
   */
  Verification verify(String presentationJson, PresentationRequest request) throws PortUnavailableException;
}
