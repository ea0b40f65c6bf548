package nl.noodrem.camel.api;

import java.util.List;
import nl.noodrem.domain.Bsn;

/**
 * CJIB's legacy collection system, as the processes see it. Implemented by Camel routes; the processes
 * never see a route, an endpoint or a queue name.
 *
 * <p><b>Guarantee:</b> a hold or lift command that {@link #sendHold}/{@link #sendLift} accepted is on
 * the broker (persistent) before the call returns, and reaches the collection system at least once;
 * the collection system's acknowledgement comes back later through {@link ProcessGateway#holdAcknowledged}.
 * Commands carry a {@code commandId} so that a command delivered twice acts once.
 *
 * <p><b>Failure:</b> {@link CollectionSystemException} when the system cannot be reached now (the
 * caller retries, e.g. a Camunda job with back-off); an unknown citizen is an empty list, not an error.
 */
public interface CollectionSystem {

  /** The citizen's cases on which collection is running or held (paid and closed cases excluded). */
  List<OpenCase> openCases(Bsn bsn) throws CollectionSystemException;

  void sendHold(HoldCommand command) throws CollectionSystemException;

  void sendLift(LiftCommand command) throws CollectionSystemException;
}
